using System.Text;
using System.Text.RegularExpressions;

namespace DisclosurePortal.Core.Messages;

/// <summary>
/// A subject or body with placeholders in braces: <c>{company}</c>, <c>{deadline}</c>… Names are compared ignoring
/// case; <c>{{</c> and <c>}}</c> write a brace. A name the kind of message does not know is reported, never sent.
/// </summary>
public static partial class MessageTemplate
{
    /// <summary>The placeholder names used in <paramref name="template"/> that are not in <paramref name="known"/>, each once.</summary>
    public static IReadOnlyList<string> Unknown(string? template, IEnumerable<string> known)
    {
        var names = known.ToHashSet(StringComparer.OrdinalIgnoreCase);
        return Tokens().Matches(template ?? string.Empty)
            .Where(m => m.Groups["name"].Success && !names.Contains(m.Groups["name"].Value.Trim()))
            .Select(m => m.Value)
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The template with each known placeholder replaced by its value; unknown ones stay as written.</summary>
    public static string Render(string? template, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var lookup = new Dictionary<string, string>(values, StringComparer.OrdinalIgnoreCase);
        var text = template ?? string.Empty;
        var result = new StringBuilder(text.Length + 256);
        var last = 0;
        foreach (Match token in Tokens().Matches(text))
        {
            result.Append(text, last, token.Index - last);
            result.Append(token.Value switch
            {
                "{{" => "{",
                "}}" => "}",
                _ => lookup.TryGetValue(token.Groups["name"].Value.Trim(), out var value) ? value : token.Value,
            });
            last = token.Index + token.Length;
        }

        return result.Append(text, last, text.Length - last).ToString();
    }

    [GeneratedRegex(@"\{\{|\}\}|\{(?<name>[^{}\r\n]{1,40})\}")]
    private static partial Regex Tokens();
}
