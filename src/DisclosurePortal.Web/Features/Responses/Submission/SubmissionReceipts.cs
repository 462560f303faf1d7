using System.Text;
using DisclosurePortal.Core.Answers;
using DisclosurePortal.Data;
using DisclosurePortal.Data.Entities;
using DisclosurePortal.Web.Features.Account;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace DisclosurePortal.Web.Features.Responses.Submission;

/// <summary>Receipts of submitted versions: their facts, and the confirmation e-mail with the receipt attached.</summary>
public sealed class SubmissionReceipts(
    IDbContextFactory<PortalDbContext> dbFactory,
    IMailDelivery delivery,
    IOptions<EmailOptions> email,
    AccountEmailLinks links,
    ILogger<SubmissionReceipts> logger)
{
    public static ReceiptFacts Facts(ResponseVersion version, string companyName, string requestTitle, QuestionnaireAnswers answers) => new(
        companyName,
        requestTitle,
        version.ResponseId,
        version.Number,
        version.SubmittedAt,
        version.DueAt,
        version.IsLate,
        version.SignatoryName,
        version.SignatoryTitle,
        version.AttestationText,
        version.ContentUse,
        AnswerDocument.Sha256(version.AnswersJson),
        version.Uploads.OrderBy(u => u.UploadId).Select(u => new ReceiptFile(u.FileName, u.SizeBytes, u.Sha256, u.RowsAccepted, u.RowsRejected)).ToList(),
        answers.TrainingSummary);

    /// <summary>Mails the receipt to the person who submitted; a failure is logged and reported, the submission stands.</summary>
    public async Task<bool> MailAsync(string userId, ReceiptFacts facts, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var to = await db.Users.Where(u => u.Id == userId).Select(u => u.Email).SingleOrDefaultAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(to))
        {
            return false;
        }

        var message = PortalMail.Create(
            email.Value.From,
            to,
            $"Receipt: {facts.CompanyName} submitted version {facts.Number} of its answer",
            [
                $"The Disclosure Portal received version {facts.Number} of {facts.CompanyName}'s answer to \"{facts.RequestTitle}\" on {facts.SubmittedAt.UtcDateTime:d MMM yyyy 'at' HH:mm:ss} UTC{(facts.IsLate ? ", after the due time (marked late)" : string.Empty)}.",
                $"Signed by {facts.SignatoryName}, {facts.SignatoryTitle}. Work lists: {facts.Files.Count}. Receipt digest: {ReceiptDocument.Digest(facts)}.",
                "The receipt is attached; it can also be read and downloaded here:",
            ],
            links.Page($"response/versions/{facts.Number}"),
            ["Keep it for your records. To correct anything, amend the answer: it becomes a new version, and this one stays on record."]);
        Attach(message, ReceiptDocument.FileName(facts), ReceiptDocument.Render(facts));
        try
        {
            await delivery.DeliverAsync(message, cancellationToken);
            return true;
        }
        catch (MailDeliveryException ex)
        {
            logger.LogWarning(ex, "The receipt of response {ResponseId} version {Number} could not be mailed", facts.ResponseId, facts.Number);
            return false;
        }
    }

    private static void Attach(MimeMessage message, string fileName, string text)
    {
        var attachment = new MimePart("text", "plain")
        {
            Content = new MimeContent(new MemoryStream(Encoding.UTF8.GetBytes(text))),
            ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
            ContentTransferEncoding = ContentEncoding.QuotedPrintable,
            FileName = fileName,
        };
        attachment.ContentType.Charset = "utf-8";
        message.Body = new Multipart("mixed") { message.Body!, attachment };
    }
}
