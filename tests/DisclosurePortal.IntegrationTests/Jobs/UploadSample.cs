using System.Globalization;
using System.Text;
using DisclosurePortal.Core.Matching;
using DisclosurePortal.Data;
using DisclosurePortal.Data.Entities;
using DisclosurePortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.IntegrationTests.Jobs;

/// <summary>One line of an upload as stored, and one candidate of it, in the terms two runs are compared by.</summary>
public sealed record StoredEntry(int Line, string? Title, string? Artist, string? Isrc, string? Rejection, string? Warning);

public sealed record StoredCandidate(int Line, int Rank, long? CatalogRecordingId, MatchTier Tier, double Score, string Reasons, long RunId);

/// <summary>Everything an upload's jobs wrote, read back for comparison with another run of the same file.</summary>
public sealed record StoredUpload(UploadStatus Status, int Accepted, int Rejected, int Matched, long? MatchRunId, IReadOnlyList<StoredEntry> Entries, IReadOnlyList<StoredCandidate> Candidates)
{
    public static async Task<StoredUpload> ReadAsync(DatabaseFixture database, int uploadId)
    {
        await using var db = database.CreateContext();
        var upload = await db.WorkListUploads.AsNoTracking().SingleAsync(u => u.Id == uploadId);
        var entries = await db.WorkListEntries.AsNoTracking().Where(e => e.UploadId == uploadId).OrderBy(e => e.LineNumber)
            .Select(e => new StoredEntry(e.LineNumber, e.Title, e.Artist, e.Isrc, e.RejectionReason, e.Warning))
            .ToListAsync();
        var candidates = await db.MatchCandidates.AsNoTracking().Where(m => m.Entry!.UploadId == uploadId)
            .OrderBy(m => m.Entry!.LineNumber).ThenBy(m => m.Rank).ThenBy(m => m.RunId)
            .Select(m => new StoredCandidate(m.Entry!.LineNumber, m.Rank, m.CatalogRecordingId, m.Tier, m.Score, m.Reasons, m.RunId))
            .ToListAsync();
        return new StoredUpload(upload.Status, upload.RowsAccepted, upload.RowsRejected, upload.RowsMatched, upload.MatchRunId, entries, candidates);
    }

    /// <summary>The same rows, counts and candidates as <paramref name="expected"/> (run ids aside): nothing lost, nothing twice.</summary>
    public void AssertSameAs(StoredUpload expected)
    {
        Assert.Equal((expected.Status, expected.Accepted, expected.Rejected, expected.Matched), (Status, Accepted, Rejected, Matched));
        Assert.Equal(Accepted + Rejected, Entries.Count);
        Assert.Equal(expected.Entries, Entries);
        Assert.Equal(expected.Candidates.Select(WithoutRun), Candidates.Select(WithoutRun));
        Assert.All(Candidates, c => Assert.Equal(MatchRunId, c.RunId)); // only the run shown is left
    }

    private static StoredCandidate WithoutRun(StoredCandidate candidate) => candidate with { RunId = 0 };
}

/// <summary>
/// A work list of <see cref="Rows"/> rows against a catalog of its own (titles carry a token unique to the test):
/// a fifth by ISRC, a fifth by title and artist, a fifth unknown, a fifth rejected, a fifth with a broken ISRC.
/// Big enough for several batches of both jobs (validation 2,000 rows a batch, reconciliation 500).
/// </summary>
public sealed class UploadSample
{
    public const int Rows = 4500;
    public const int Accepted = Rows / 5 * 4;
    public const int Rejected = Rows / 5;
    public const int Matched = Rows / 5 * 2;
    private const int CatalogSize = 150;

    private UploadSample(string token, List<CatalogRecording> catalog, byte[] content)
    {
        Token = token;
        Catalog = catalog;
        Content = content;
    }

    public string Token { get; }

    public IReadOnlyList<CatalogRecording> Catalog { get; }

    public byte[] Content { get; }

    /// <summary>The title of the unknown row on data row <paramref name="index"/> (index % 5 == 2).</summary>
    public string UnknownTitle(int index) => $"Unknown {Token} {index}";

    public string UnknownArtist => $"Nobody {Token}";

    /// <summary>Adds the sample's catalog to the database and builds its file.</summary>
    public static async Task<UploadSample> CreateAsync(PortalDbContext db)
    {
        var token = TestData.Token();
        var catalog = Enumerable.Range(0, CatalogSize)
            .Select(k => TestData.Recording(TestData.NewIsrc(), $"Song {token} {k}", $"Artist {token} {k % 7}"))
            .ToList();
        db.CatalogRecordings.AddRange(catalog);
        await db.SaveChangesAsync();

        var csv = new StringBuilder("ISRC,Title,Artist\n");
        for (var i = 0; i < Rows; i++)
        {
            var recording = catalog[i / 5 % CatalogSize];
            var line = (i % 5) switch
            {
                0 => $"{recording.Isrc},,",
                1 => $",\"{recording.Title.ToUpperInvariant()}\",{recording.Artist}",
                2 => $",Unknown {token} {i},Nobody {token}",
                3 => ",,Somebody Without A Title",
                _ => $"XX-BAD-{i},Another {token} {i},Someone",
            };
            csv.Append(line).Append('\n');
        }

        return new UploadSample(token, catalog, Encoding.UTF8.GetBytes(csv.ToString()));
    }

    /// <summary>A recordings catalog file adding <paramref name="count"/> recordings that the sample's unknown rows name.</summary>
    public byte[] CatalogAddingUnknowns(int count)
    {
        var csv = new StringBuilder("ISRC,Title,Artist\n");
        for (var n = 0; n < count; n++)
        {
            var index = (n * 5) + 2;
            csv.Append(CultureInfo.InvariantCulture, $"{TestData.NewIsrc()},{UnknownTitle(index)},{UnknownArtist}\n");
        }

        return Encoding.UTF8.GetBytes(csv.ToString());
    }
}
