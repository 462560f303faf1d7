using System.Globalization;
using DisclosurePortal.Core.Identifiers;

namespace DisclosurePortal.Core.Catalog;

/// <summary>Turns one row's cells into a <see cref="CatalogItem"/> or a rejection; remembers keys to refuse duplicates within the file.</summary>
internal sealed class CatalogRowValidator(CatalogKind kind, IReadOnlyDictionary<CatalogField, int> mapping)
{
    private static readonly char[] ListSeparators = [';', '|'];

    // Only the keys are kept (a few bytes per row), never the rows themselves.
    private readonly Dictionary<string, int> seen = new(StringComparer.Ordinal);

    public CatalogFileRow Validate(int line, Func<int, string?> cell)
    {
        string? Get(CatalogField field) =>
            mapping.TryGetValue(field, out var index) && cell(index) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

        try
        {
            var item = kind switch
            {
                CatalogKind.Recordings => Recording(line, Get),
                CatalogKind.Compositions => Composition(line, Get),
                _ => (CatalogItem)Release(line, Get),
            };
            if (!seen.TryAdd(item.Key, line))
            {
                return CatalogFileRow.Reject(line, $"{KeyName(item)} '{Display(item)}' already appears on line {seen[item.Key]}");
            }

            return new CatalogFileRow(line, item, null);
        }
        catch (RowRejected rejected)
        {
            return CatalogFileRow.Reject(line, rejected.Message);
        }
    }

    private static CatalogRecordingRow Recording(int line, Func<CatalogField, string?> get)
    {
        var isrcText = get(CatalogField.Isrc);
        if (!Isrc.TryParse(isrcText, out var isrc))
        {
            throw new RowRejected(isrcText is null ? "no ISRC" : $"ISRC '{isrcText}' is not valid");
        }

        return new CatalogRecordingRow(
            line, Text(get, CatalogField.SourceId, CatalogLimits.SourceId), isrc, Title(get),
            Text(get, CatalogField.Version, CatalogLimits.Version),
            Text(get, CatalogField.Artist, CatalogLimits.Artist) ?? throw new RowRejected("no artist"),
            List(Text(get, CatalogField.FeaturedArtists, CatalogLimits.FeaturedArtists)),
            Duration(get(CatalogField.DurationSeconds)), Year(get), Text(get, CatalogField.Label, CatalogLimits.Label),
            Text(get, CatalogField.CompositionSourceId, CatalogLimits.SourceId), Text(get, CatalogField.ReleaseSourceId, CatalogLimits.SourceId),
            Position(get, CatalogField.TrackNumber), Position(get, CatalogField.DiscNumber));
    }

    private static CatalogCompositionRow Composition(int line, Func<CatalogField, string?> get)
    {
        var iswcText = get(CatalogField.Iswc);
        Iswc? iswc = null;
        if (iswcText is not null)
        {
            iswc = Iswc.TryParse(iswcText, out var parsed) ? parsed : throw new RowRejected($"ISWC '{iswcText}' is not valid");
        }

        var sourceId = Text(get, CatalogField.SourceId, CatalogLimits.SourceId);
        if (iswc is null && sourceId is null)
        {
            throw new RowRejected("no ISWC and no composition id");
        }

        return new CatalogCompositionRow(line, sourceId, iswc, Title(get), Text(get, CatalogField.LyricFirstLine, CatalogLimits.LyricFirstLine), Writers(get));
    }

    private static CatalogReleaseRow Release(int line, Func<CatalogField, string?> get)
    {
        var gtinText = get(CatalogField.Gtin);
        if (!Gtin.TryParse(gtinText, out var gtin))
        {
            throw new RowRejected(gtinText is null ? "no UPC/EAN" : $"UPC/EAN '{gtinText}' is not valid");
        }

        var date = Date(get(CatalogField.ReleaseDate));
        return new CatalogReleaseRow(
            line, Text(get, CatalogField.SourceId, CatalogLimits.SourceId), gtin, Title(get),
            Text(get, CatalogField.Artist, CatalogLimits.Artist) ?? string.Empty, date, Year(get) ?? date?.Year,
            Text(get, CatalogField.Label, CatalogLimits.Label), Text(get, CatalogField.ArtworkReference, CatalogLimits.ArtworkReference));
    }

    private static List<CatalogWriterRow> Writers(Func<CatalogField, string?> get)
    {
        var names = List(get(CatalogField.Writers));
        var ipis = Cells(get(CatalogField.WriterIpiNameNumbers));
        var roles = Cells(get(CatalogField.WriterRoles));
        if (ipis.Count > names.Count || roles.Count > names.Count)
        {
            throw new RowRejected("there are more writer IPI numbers or roles than writers");
        }

        var writers = new List<CatalogWriterRow>(names.Count);
        for (var i = 0; i < names.Count; i++)
        {
            if (names[i].Length > CatalogLimits.WriterName)
            {
                throw new RowRejected($"a writer's name is longer than {CatalogLimits.WriterName:N0} characters");
            }

            IpiNameNumber? ipi = null;
            if (i < ipis.Count && ipis[i].Length > 0)
            {
                ipi = IpiNameNumber.TryParse(ipis[i], out var parsed) ? parsed : throw new RowRejected($"writer IPI name number '{ipis[i]}' is not valid");
            }

            var role = i < roles.Count && roles[i].Length > 0 ? roles[i] : null;
            if (role is { Length: > CatalogLimits.WriterRole })
            {
                throw new RowRejected($"writer role '{role}' is too long");
            }

            writers.Add(new CatalogWriterRow(names[i], ipi, role));
        }

        return writers;
    }

    private static string Title(Func<CatalogField, string?> get) =>
        Text(get, CatalogField.Title, CatalogLimits.Title) ?? throw new RowRejected("no title");

    private static string? Text(Func<CatalogField, string?> get, CatalogField field, int maxLength)
    {
        var text = get(field);
        return text is { Length: > 0 } && text.Length > maxLength
            ? throw new RowRejected($"the {FieldName(field)} is longer than {maxLength:N0} characters")
            : text;
    }

    private static int? Duration(string? text)
    {
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return seconds;
        }

        // 3:45 or 1:02:03 as exported by most catalog systems.
        if (TimeSpan.TryParseExact(text, [@"m\:ss", @"mm\:ss", @"h\:mm\:ss", @"hh\:mm\:ss"], CultureInfo.InvariantCulture, out var span))
        {
            return (int)span.TotalSeconds;
        }

        throw new RowRejected($"duration '{text}' is neither seconds nor m:ss");
    }

    private static int? Position(Func<CatalogField, string?> get, CatalogField field)
    {
        var text = get(field);
        if (text is null)
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is >= 1 and <= 9999
            ? number
            : throw new RowRejected($"{(field == CatalogField.TrackNumber ? "track" : "disc")} number '{text}' is not a whole number from 1");
    }

    private static int? Year(Func<CatalogField, string?> get)
    {
        var text = get(CatalogField.Year);
        if (text is null)
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1877 and <= 2200
            ? year
            : throw new RowRejected($"year '{text}' is not a year");
    }

    private static DateOnly? Date(string? text)
    {
        if (text is null)
        {
            return null;
        }

        return DateOnly.TryParseExact(text, ["yyyy-MM-dd", "yyyy/MM/dd", "yyyyMMdd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new RowRejected($"release date '{text}' is not a date like 2024-05-16");
    }

    private static List<string> List(string? text) => Cells(text).Where(c => c.Length > 0).ToList();

    private static List<string> Cells(string? text) =>
        text is null ? [] : text.Split(ListSeparators, StringSplitOptions.TrimEntries).ToList();

    private static string FieldName(CatalogField field) => field switch
    {
        CatalogField.SourceId or CatalogField.CompositionSourceId or CatalogField.ReleaseSourceId => $"{field} (id)",
        _ => field.ToString().ToLowerInvariant(),
    };

    private static string KeyName(CatalogItem item) => item switch
    {
        CatalogRecordingRow => "ISRC",
        CatalogReleaseRow => "UPC/EAN",
        CatalogCompositionRow { Iswc: not null } => "ISWC",
        _ => "composition id",
    };

    private static string Display(CatalogItem item) => item switch
    {
        CatalogRecordingRow r => r.Isrc.Value,
        CatalogReleaseRow r => r.Gtin.Value,
        CatalogCompositionRow { Iswc: { } iswc } => iswc.Formatted,
        _ => item.SourceId ?? string.Empty,
    };

    private sealed class RowRejected(string message) : Exception(message);
}
