namespace DisclosurePortal.Core.Matching;

/// <summary>What a version qualifier says about the recording.</summary>
internal enum VersionKind
{
    /// <summary>No qualifier.</summary>
    None,

    /// <summary>Another master or label of the same recording: remastered, explicit, clean, album version, deluxe…</summary>
    SameRecording,

    /// <summary>A different recording or edit: live, remix, acoustic, demo, instrumental, karaoke, radio edit…</summary>
    OtherRecording,
}

/// <summary>
/// A title as the scorer compares it: its words without version qualifiers, the qualifiers' words and kind,
/// and the numbers that identify a part ("Part 2", "Pt. II", "No. 7").
/// </summary>
internal sealed class TitleWords
{
    private static readonly HashSet<string> OtherRecordingWords = new(StringComparer.Ordinal)
    {
        "live", "remix", "mix", "acoustic", "demo", "instrumental", "karaoke", "unplugged", "session", "cover", "edit", "extended",
        "dub", "rework", "reprise", "acapella",
    };

    private static readonly HashSet<string> PartMarkers = new(StringComparer.Ordinal) { "part", "pt", "vol", "volume", "no", "op", "chapter", "act", "book", "del", "movement" };

    private static readonly Dictionary<string, string> Roman = new(StringComparer.Ordinal)
    {
        ["i"] = "1", ["ii"] = "2", ["iii"] = "3", ["iv"] = "4", ["v"] = "5", ["vi"] = "6", ["vii"] = "7", ["viii"] = "8", ["ix"] = "9", ["x"] = "10",
    };

    public static readonly TitleWords Empty = new([], [], VersionKind.None, [], null, false);

    private TitleWords(string[] words, string[] versionWords, VersionKind version, string[] numbers, string? qualifiers, bool partNumbered)
    {
        Words = words;
        VersionWords = versionWords;
        Version = version;
        Numbers = numbers;
        Qualifiers = qualifiers;
        PartNumbered = partNumbered;
    }

    public string[] Words { get; }

    public string[] VersionWords { get; }

    public VersionKind Version { get; }

    /// <summary>Numbers in the title's own words (roman numerals after "Part", "Pt." read as digits).</summary>
    public string[] Numbers { get; }

    /// <summary>The qualifiers as written, for the reasons ("Remastered 2011").</summary>
    public string? Qualifiers { get; }

    /// <summary>A number follows a part marker: the number is the identity and another part is another work.</summary>
    public bool PartNumbered { get; }

    public bool IsEmpty => Words.Length == 0;

    /// <summary>The version words that name this take or mix ("Tim Mason" of "Tim Mason Remix"), without the kind words.</summary>
    public string[] NamingVersionWords => Version == VersionKind.OtherRecording ? VersionWords.Where(w => !OtherRecordingWords.Contains(w) && w != "radio").ToArray() : VersionWords;

    public TitleWords WithWords(string[] words) => ReferenceEquals(words, Words) ? this : new(words, VersionWords, Version, Numbers, Qualifiers, PartNumbered);

    /// <summary>Reads a title with optional version text kept apart (a catalog's version column); words go through <paramref name="intern"/>.</summary>
    public static TitleWords From(string? title, string? version, Func<string[], string[]> intern) =>
        From(TitleParser.Parse(title), version, intern);

    public static TitleWords From(TitleParts parts, string? version, Func<string[], string[]> intern)
    {
        var words = intern(Canonical(TextNormaliser.MatchWords(parts.BaseTitle)));
        var hasVersion = !string.IsNullOrWhiteSpace(version);
        if (parts.Qualifiers.Count == 0 && !hasVersion)
        {
            // The common case, without the qualifier work below.
            var (plainNumbers, plainPartNumbered) = ReadNumbers(words);
            return words.Length == 0 ? Empty : new TitleWords(words, [], VersionKind.None, plainNumbers, null, plainPartNumbered);
        }

        var qualifierTexts = parts.Qualifiers.ToList();
        if (hasVersion)
        {
            qualifierTexts.Add(version!.Trim());
        }

        var versionWords = qualifierTexts.SelectMany(TextNormaliser.MatchWords).Select(Stem).Where(w => w.Length > 0).Distinct().ToArray();
        var kind = versionWords.Length == 0 ? VersionKind.None
            : versionWords.Any(OtherRecordingWords.Contains) ? VersionKind.OtherRecording : VersionKind.SameRecording;
        var (numbers, partNumbered) = ReadNumbers(words);
        return new TitleWords(words, versionWords, kind, numbers, qualifierTexts.Count == 0 ? null : string.Join(", ", qualifierTexts), partNumbered);
    }

    // "Pt. II" and "Part 2" are written alike, so they compare equal as words, not only as numbers.
    private static string[] Canonical(string[] words)
    {
        for (var i = 0; i < words.Length; i++)
        {
            if (words[i] == "pt")
            {
                words[i] = "part";
            }
            else if (i > 0 && PartMarkers.Contains(words[i - 1]) && Roman.TryGetValue(words[i], out var digits))
            {
                words[i] = digits;
            }
        }

        return words;
    }

    // "remastered" and "remaster", "mixes" and "mix" say the same; "version" and "edition" say nothing.
    private static string Stem(string word) => word switch
    {
        "remastered" or "remasterd" or "rmastered" => "remaster",
        "remixes" or "remixed" => "remix",
        "mixes" => "mix",
        "edited" => "clean",
        "version" or "edition" or "ver" or "the" => "",
        _ => word,
    };

    private static (string[] Numbers, bool PartNumbered) ReadNumbers(string[] words)
    {
        List<string>? numbers = null;
        var partNumbered = false;
        for (var i = 0; i < words.Length; i++)
        {
            var word = words[i];
            var afterMarker = i > 0 && PartMarkers.Contains(words[i - 1]);
            if (!char.IsAsciiDigit(word[0]) && (!afterMarker || word.Length > 4))
            {
                continue;
            }

            string? number = word.All(char.IsAsciiDigit) ? word.TrimStart('0') : afterMarker && Roman.TryGetValue(word, out var digits) ? digits : null;
            if (number is null)
            {
                continue;
            }

            (numbers ??= []).Add(number.Length == 0 ? "0" : number);
            partNumbered |= afterMarker;
        }

        return numbers is null ? ([], false) : (numbers.ToArray(), partNumbered);
    }
}
