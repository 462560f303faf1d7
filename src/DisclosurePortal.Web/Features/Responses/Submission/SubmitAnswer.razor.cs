using DisclosurePortal.Core.Answers;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace DisclosurePortal.Web.Features.Responses.Submission;

/// <summary>The review page: everything in one place, then the signatory's attestation, then version N.</summary>
public sealed partial class SubmitAnswer
{
    private readonly SubmissionForm form = new();
    private SubmissionReview? review;
    private IReadOnlyList<string> problems = [];
    private bool loaded;
    private bool busy;

    private sealed record Notice(Severity Severity, string Text);

    [Inject]
    private ResponseSubmission Submission { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    private bool Refused => review is { LateNow: true, Response.RefuseLateSubmissions: true } || review?.Response.IsClosed == true;

    private bool CanSign => review is { Problems.Count: 0 } && !Refused;

    private string VersionText => review!.Response.SubmittedVersions == 0
        ? "first submission: it becomes version 1"
        : $"amendment: it becomes version {review.Response.SubmittedVersions + 1}; version {review.Response.SubmittedVersions} and earlier stay on record";

    private string Statement => Attestation.Statement(
        review!.Answers,
        string.IsNullOrWhiteSpace(form.SignatoryName) ? review.Answers.Company.SignatoryName ?? "[name]" : form.SignatoryName,
        string.IsNullOrWhiteSpace(form.SignatoryTitle) ? review.Answers.Company.SignatoryTitle ?? "[title]" : form.SignatoryTitle,
        review.Response.RequestTitle);

    private IEnumerable<Notice> Notices
    {
        get
        {
            var due = review!.Response.DueAt.UtcDateTime;
            if (review.Response.IsClosed)
            {
                yield return new(Severity.Info, "The request is closed: no more answers are taken.");
            }
            else if (review.LateNow && review.Response.RefuseLateSubmissions)
            {
                yield return new(Severity.Error, $"The due time passed on {due:d MMM yyyy HH:mm} UTC and this request takes no late answers. You can ask for an extension.");
            }
            else if (review.LateNow)
            {
                yield return new(Severity.Warning, $"The due time passed on {due:d MMM yyyy HH:mm} UTC: this submission will be taken and marked late.");
            }
        }
    }

    protected override async Task OnInitializedAsync()
    {
        review = await Submission.ReviewAsync();
        if (review is not null)
        {
            form.UploadIds = review.Uploads.Where(u => u.Suggested).Select(u => u.Id).ToHashSet();
            form.SignatoryTitle = review.Answers.Company.SignatoryTitle ?? string.Empty;
            form.ReviewedAnswersSha256 = review.AnswersSha256;
        }

        loaded = true;
    }

    private async Task SubmitAsync()
    {
        busy = true;
        try
        {
            var outcome = await Submission.SubmitAsync(review!.Response.ResponseId, form);
            problems = outcome.Problems;
            if (outcome.VersionNumber is { } number)
            {
                Navigation.NavigateTo($"response/versions/{number}?submitted={(outcome.ReceiptMailed ? "mailed" : "yes")}");
            }
        }
        finally
        {
            busy = false;
        }
    }
}
