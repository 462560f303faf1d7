using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DisclosurePortal.Core.Answers;

namespace DisclosurePortal.Web.Features.Responses.Submission;

/// <summary>A work list as a receipt names it.</summary>
public sealed record ReceiptFile(string FileName, long SizeBytes, string Sha256, int RowsAccepted, int RowsRejected);

/// <summary>Everything a receipt states about one submitted version.</summary>
public sealed record ReceiptFacts(
    string CompanyName,
    string RequestTitle,
    int ResponseId,
    int Number,
    DateTimeOffset SubmittedAt,
    DateTimeOffset DueAt,
    bool IsLate,
    string SignatoryName,
    string SignatoryTitle,
    string AttestationText,
    ContentUseAnswer ContentUse,
    string AnswersSha256,
    IReadOnlyList<ReceiptFile> Files,
    AttachedDocument? TrainingSummary);

/// <summary>
/// The receipt as a plain-text document: it opens anywhere, prints as it is, can be archived or e-mailed, and is
/// made again the same from the stored version at any time. Its digest is the SHA-256 of a fixed manifest of the
/// facts, so a copy can be checked against the portal's record.
/// </summary>
public static class ReceiptDocument
{
    private const int Width = 88;

    public static string FileName(ReceiptFacts facts) =>
        $"receipt-response-{facts.ResponseId.ToString(CultureInfo.InvariantCulture)}-version-{facts.Number.ToString(CultureInfo.InvariantCulture)}.txt";

    /// <summary>SHA-256 of the manifest: every fact the receipt certifies, one per line, in a fixed order.</summary>
    public static string Digest(ReceiptFacts facts)
    {
        var manifest = new StringBuilder()
            .Append("response ").Append(facts.ResponseId.ToString(CultureInfo.InvariantCulture)).Append('\n')
            .Append("version ").Append(facts.Number.ToString(CultureInfo.InvariantCulture)).Append('\n')
            .Append("submitted ").Append(Utc(facts.SubmittedAt)).Append('\n')
            .Append("due ").Append(Utc(facts.DueAt)).Append('\n')
            .Append("late ").Append(facts.IsLate ? "yes" : "no").Append('\n')
            .Append("signatory ").Append(facts.SignatoryName).Append(" / ").Append(facts.SignatoryTitle).Append('\n')
            .Append("statement ").Append(facts.AttestationText).Append('\n')
            .Append("answers ").Append(facts.AnswersSha256).Append('\n');
        foreach (var file in facts.Files)
        {
            manifest.Append("file ").Append(file.Sha256).Append(' ').Append(file.SizeBytes.ToString(CultureInfo.InvariantCulture))
                .Append(' ').Append(file.RowsAccepted.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(file.RowsRejected.ToString(CultureInfo.InvariantCulture))
                .Append(' ').Append(file.FileName).Append('\n');
        }

        if (facts.TrainingSummary is { } summary)
        {
            manifest.Append("summary ").Append(summary.Sha256).Append(' ').Append(summary.FileName).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(manifest.ToString())));
    }

    public static string Render(ReceiptFacts facts)
    {
        var text = new StringBuilder();
        void Line(string line = "") => text.Append(line).Append('\n');
        void Field(string name, string value) => Line($"{name,-22}{value}");

        Line("DISCLOSURE PORTAL - RECEIPT OF SUBMISSION");
        Line(new string('=', Width));
        Field("Company", facts.CompanyName);
        Field("Request", facts.RequestTitle);
        Field("Version", facts.Number == 1 ? "1 (first submission)" : $"{facts.Number} (amendment; versions 1-{facts.Number - 1} stay on record)");
        Field("Submitted", Utc(facts.SubmittedAt));
        Field("Due", Utc(facts.DueAt));
        Field("On time", facts.IsLate ? "NO - submitted after the due time (late)" : "yes");
        Field("Signed by", $"{facts.SignatoryName}, {facts.SignatoryTitle}");
        Field("Central answer", $"Used the label's content for TDM or AI training, development or commercialisation: {AnswerLines.Describe(facts.ContentUse)}");
        Line();
        Line("Statement signed");
        foreach (var wrapped in Wrap(facts.AttestationText, Width - 2))
        {
            Line($"  {wrapped}");
        }

        Line();
        Line($"Work lists ({facts.Files.Count.ToString(CultureInfo.InvariantCulture)})");
        if (facts.Files.Count == 0)
        {
            Line("  none");
        }

        for (var i = 0; i < facts.Files.Count; i++)
        {
            var file = facts.Files[i];
            Line($"  {(i + 1).ToString(CultureInfo.InvariantCulture)}. {file.FileName}");
            Line($"     SHA-256   {file.Sha256}");
            Line($"     size      {file.SizeBytes.ToString("N0", CultureInfo.InvariantCulture)} bytes");
            Line($"     rows      {file.RowsAccepted.ToString("N0", CultureInfo.InvariantCulture)} accepted, {file.RowsRejected.ToString("N0", CultureInfo.InvariantCulture)} not accepted");
        }

        Line();
        Line("Training-content summary");
        Line(facts.TrainingSummary is { } summary ? $"  {summary.FileName}  SHA-256 {summary.Sha256}" : "  none attached");
        Line();
        Field("Answers SHA-256", facts.AnswersSha256);
        Field("Receipt digest", Digest(facts));
        Line(new string('-', Width));
        Line("Times are UTC. The answers SHA-256 is that of the questionnaire as submitted (JSON); the receipt");
        Line("digest is the SHA-256 of the facts above. The label keeps this version unchanged; an amendment");
        Line("becomes a new version with a receipt of its own.");
        return text.ToString();
    }

    private static string Utc(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    private static IEnumerable<string> Wrap(string text, int width)
    {
        var line = new StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                yield return line.ToString();
                line.Clear();
            }

            line.Append(line.Length > 0 ? " " : string.Empty).Append(word);
        }

        if (line.Length > 0)
        {
            yield return line.ToString();
        }
    }
}
