namespace DisclosurePortal.Core.Answers;

/// <summary>The central question: did the company use the label's content for TDM or AI training, development or commercialisation?</summary>
public enum ContentUseAnswer
{
    Unanswered = 0,
    Yes = 1,
    No = 2,
    DontKnow = 3,
}

/// <summary>Whether machine-readable opt-outs were honoured for a source after the request's reservation date.</summary>
public enum OptOutAnswer
{
    Unanswered = 0,
    Honoured = 1,
    Partly = 2,
    NotHonoured = 3,
    NotApplicable = 4,
    DontKnow = 5,
}

/// <summary>
/// A company's answers to the questionnaire, one document: saved as JSON for the draft and frozen as JSON in
/// every submitted version, so versions compare field by field. Classes with setters, because forms bind to them.
/// </summary>
public sealed class QuestionnaireAnswers
{
    public CompanyFacts Company { get; set; } = new();

    public List<AiSystemAnswer> Systems { get; set; } = [];

    public ContentUse Use { get; set; } = new();

    public List<DatasetAnswer> Datasets { get; set; } = [];

    /// <summary>The EU training-content summary (AI Act Art. 53(1)(d)) attached as a document; optional.</summary>
    public AttachedDocument? TrainingSummary { get; set; }
}

public sealed class CompanyFacts
{
    public string? LegalEntity { get; set; }

    public string? RegisteredAddress { get; set; }

    public string? Country { get; set; }

    public string? ContactName { get; set; }

    public string? ContactEmail { get; set; }

    /// <summary>The person who signs the submission; the attestation must carry this name.</summary>
    public string? SignatoryName { get; set; }

    public string? SignatoryTitle { get; set; }
}

/// <summary>An AI system or model the answer concerns.</summary>
public sealed class AiSystemAnswer
{
    public string? Name { get; set; }

    public string? Version { get; set; }

    public string? Description { get; set; }
}

public sealed class ContentUse
{
    public ContentUseAnswer Answer { get; set; }

    public bool TextAndDataMining { get; set; }

    public bool Training { get; set; }

    public bool Development { get; set; }

    public bool Commercialisation { get; set; }

    /// <summary>How the content was used ("yes"), or why the company cannot tell and what it does to find out ("don't know").</summary>
    public string? Explanation { get; set; }
}

/// <summary>A dataset or source of training content.</summary>
public sealed class DatasetAnswer
{
    public string? Name { get; set; }

    /// <summary>Who licensed it, when it was licensed.</summary>
    public string? Licensor { get; set; }

    /// <summary>The crawler (name or user agent) that collected it, when it was crawled.</summary>
    public string? Crawler { get; set; }

    public DateOnly? CollectedFrom { get; set; }

    public DateOnly? CollectedTo { get; set; }

    public OptOutAnswer OptOuts { get; set; }

    public string? Notes { get; set; }
}

/// <summary>A document stored with the response; the answers name it by id and fingerprint, the bytes never change.</summary>
public sealed class AttachedDocument
{
    public int AttachmentId { get; set; }

    public string FileName { get; set; } = string.Empty;

    public long SizeBytes { get; set; }

    public string Sha256 { get; set; } = string.Empty;
}
