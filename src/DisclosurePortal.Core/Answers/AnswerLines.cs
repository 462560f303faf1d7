using System.Globalization;

namespace DisclosurePortal.Core.Answers;

/// <summary>One answered field as people read it: section, label, value ("—" when empty).</summary>
public sealed record AnswerLine(QuestionnaireSection Section, string Label, string Value);

/// <summary>A field whose value differs between two versions; null on the side where it does not exist.</summary>
public sealed record AnswerChange(QuestionnaireSection Section, string Label, string? Before, string? After);

/// <summary>
/// Answers flattened into labelled lines: one reading for the review page, the receipt and the version pages,
/// and the basis of comparing two versions field by field.
/// </summary>
public static class AnswerLines
{
    public const string Empty = "—";

    public static string SectionTitle(QuestionnaireSection section) => section switch
    {
        QuestionnaireSection.Company => "Company",
        QuestionnaireSection.Systems => "AI systems and models",
        QuestionnaireSection.Use => "Use of the label's content",
        QuestionnaireSection.Datasets => "Datasets and sources",
        _ => "Training-content summary",
    };

    public static string Describe(ContentUseAnswer answer) => answer switch
    {
        ContentUseAnswer.Yes => "Yes",
        ContentUseAnswer.No => "No",
        ContentUseAnswer.DontKnow => "Don't know",
        _ => "Not answered",
    };

    public static string Describe(OptOutAnswer answer) => answer switch
    {
        OptOutAnswer.Honoured => "Honoured",
        OptOutAnswer.Partly => "Partly honoured",
        OptOutAnswer.NotHonoured => "Not honoured",
        OptOutAnswer.NotApplicable => "Not applicable (not collected by crawling)",
        OptOutAnswer.DontKnow => "Don't know",
        _ => "Not answered",
    };

    public static IReadOnlyList<AnswerLine> Of(QuestionnaireAnswers answers)
    {
        var lines = new List<AnswerLine>();
        void Add(QuestionnaireSection section, string label, string? value) =>
            lines.Add(new(section, label, string.IsNullOrWhiteSpace(value) ? Empty : value.Trim()));

        var c = answers.Company;
        Add(QuestionnaireSection.Company, "Legal entity", c.LegalEntity);
        Add(QuestionnaireSection.Company, "Registered address", c.RegisteredAddress);
        Add(QuestionnaireSection.Company, "Country", c.Country);
        Add(QuestionnaireSection.Company, "Contact", c.ContactName);
        Add(QuestionnaireSection.Company, "Contact e-mail", c.ContactEmail);
        Add(QuestionnaireSection.Company, "Signatory", c.SignatoryName);
        Add(QuestionnaireSection.Company, "Signatory's title", c.SignatoryTitle);

        for (var i = 0; i < answers.Systems.Count; i++)
        {
            var system = answers.Systems[i];
            var n = (i + 1).ToString(CultureInfo.InvariantCulture);
            Add(QuestionnaireSection.Systems, $"System {n}: name", system.Name);
            Add(QuestionnaireSection.Systems, $"System {n}: version", system.Version);
            Add(QuestionnaireSection.Systems, $"System {n}: description", system.Description);
        }

        var use = answers.Use;
        Add(QuestionnaireSection.Use, "Used the label's content for TDM or AI training, development or commercialisation", Describe(use.Answer));
        if (use.Answer == ContentUseAnswer.Yes)
        {
            Add(QuestionnaireSection.Use, "Used for", Purposes(use));
        }

        Add(QuestionnaireSection.Use, "Explanation", use.Explanation);

        for (var i = 0; i < answers.Datasets.Count; i++)
        {
            var d = answers.Datasets[i];
            var n = (i + 1).ToString(CultureInfo.InvariantCulture);
            Add(QuestionnaireSection.Datasets, $"Dataset {n}: name", d.Name);
            Add(QuestionnaireSection.Datasets, $"Dataset {n}: licensor", d.Licensor);
            Add(QuestionnaireSection.Datasets, $"Dataset {n}: crawler", d.Crawler);
            Add(QuestionnaireSection.Datasets, $"Dataset {n}: collected", Period(d.CollectedFrom, d.CollectedTo));
            Add(QuestionnaireSection.Datasets, $"Dataset {n}: opt-outs after the reservation date", Describe(d.OptOuts));
            Add(QuestionnaireSection.Datasets, $"Dataset {n}: notes", d.Notes);
        }

        Add(QuestionnaireSection.TrainingSummary, "Document", answers.TrainingSummary is { } doc ? $"{doc.FileName} (SHA-256 {doc.Sha256})" : null);
        return lines;
    }

    /// <summary>Fields changed, added or dropped from <paramref name="before"/> to <paramref name="after"/>, in the order of the questionnaire.</summary>
    public static IReadOnlyList<AnswerChange> Changes(QuestionnaireAnswers before, QuestionnaireAnswers after)
    {
        var old = Of(before).ToDictionary(l => (l.Section, l.Label));
        var changes = new List<AnswerChange>();
        var seen = new HashSet<(QuestionnaireSection, string)>();
        foreach (var line in Of(after))
        {
            seen.Add((line.Section, line.Label));
            var previous = old.GetValueOrDefault((line.Section, line.Label));
            if (previous?.Value != line.Value)
            {
                changes.Add(new(line.Section, line.Label, previous?.Value, line.Value));
            }
        }

        changes.AddRange(old.Values.Where(l => !seen.Contains((l.Section, l.Label))).Select(l => new AnswerChange(l.Section, l.Label, l.Value, null)));
        return changes.OrderBy(c => c.Section).ToList();
    }

    private static string Purposes(ContentUse use)
    {
        var purposes = new List<string>();
        if (use.TextAndDataMining)
        {
            purposes.Add("text and data mining");
        }

        if (use.Training)
        {
            purposes.Add("AI training");
        }

        if (use.Development)
        {
            purposes.Add("AI development");
        }

        if (use.Commercialisation)
        {
            purposes.Add("commercialisation");
        }

        return string.Join(", ", purposes);
    }

    private static string? Period(DateOnly? from, DateOnly? to) => (from, to) switch
    {
        (null, null) => null,
        ({ } f, null) => $"from {f:yyyy-MM-dd}",
        (null, { } t) => $"until {t:yyyy-MM-dd}",
        ({ } f, { } t) => $"{f:yyyy-MM-dd} to {t:yyyy-MM-dd}",
    };
}
