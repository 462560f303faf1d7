using System.ComponentModel.DataAnnotations;

namespace DisclosurePortal.Web.Features.Responses.Questionnaire;

/// <summary>Settings of the answer pages (section "Answers").</summary>
public sealed class AnswerOptions
{
    public const string Section = "Answers";

    /// <summary>The largest training-content summary a company may attach.</summary>
    [Range(1024, 1024L * 1024 * 1024)]
    public long TrainingSummaryMaxBytes { get; set; } = 25L * 1024 * 1024;

    /// <summary>How long the questionnaire waits after the last change before saving the draft.</summary>
    [Range(typeof(TimeSpan), "00:00:00.200", "00:01:00")]
    public TimeSpan AutosaveDelay { get; set; } = TimeSpan.FromSeconds(1.5);
}
