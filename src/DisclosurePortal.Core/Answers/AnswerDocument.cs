using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DisclosurePortal.Core.Answers;

/// <summary>
/// The JSON form of <see cref="QuestionnaireAnswers"/>: camel-case names, enums by name, no indentation.
/// The same answers always give the same text, so a version's digest is stable.
/// </summary>
public static class AnswerDocument
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        WriteIndented = false,
    };

    public static string Write(QuestionnaireAnswers answers) => JsonSerializer.Serialize(answers, Options);

    /// <summary>Empty or missing text is an empty questionnaire.</summary>
    public static QuestionnaireAnswers Read(string? json) =>
        string.IsNullOrWhiteSpace(json) ? new QuestionnaireAnswers() : JsonSerializer.Deserialize<QuestionnaireAnswers>(json, Options) ?? new QuestionnaireAnswers();

    /// <summary>A deep copy, so a form can edit answers without touching the ones it was given.</summary>
    public static QuestionnaireAnswers Copy(QuestionnaireAnswers answers) => Read(Write(answers));

    public static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
