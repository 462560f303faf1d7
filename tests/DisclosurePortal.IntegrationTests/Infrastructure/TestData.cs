using System.Globalization;
using DisclosurePortal.Core.Matching;
using DisclosurePortal.Data;
using DisclosurePortal.Data.Entities;

namespace DisclosurePortal.IntegrationTests.Infrastructure;

/// <summary>Two companies answering one request; what most company-scoped tests start from.</summary>
public sealed record TwoCompanies(DisclosureRequest Request, Company A, Company B, DisclosureResponse ResponseA, DisclosureResponse ResponseB);

/// <summary>
/// Builders for test rows. Names and ISRCs carry a random token, so tests sharing one database
/// (one per test class) never see each other's rows as their own.
/// </summary>
public static class TestData
{
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);

    /// <summary>A random word of letters only (the normaliser keeps it as it is).</summary>
    public static string Token() => string.Concat(Guid.NewGuid().ToString("N").Take(12).Select(c => (char)('a' + (Convert.ToInt32(c.ToString(), 16) % 26))));

    /// <summary>A structurally valid ISRC that no other test (and not the demo catalog) uses.</summary>
    public static string NewIsrc()
    {
        var random = Random.Shared;
        var registrant = string.Concat(Enumerable.Range(0, 3).Select(_ => (char)('A' + random.Next(26))));
        return $"QZ{registrant}{random.Next(0, 10_000_000).ToString("D7", CultureInfo.InvariantCulture)}";
    }

    public static async Task<TwoCompanies> CreateTwoCompaniesAsync(PortalDbContext db)
    {
        var token = Token();
        var request = new DisclosureRequest
        {
            Title = $"Test request {token}",
            LetterText = "Please disclose.",
            ReservationDate = new DateOnly(2024, 5, 16),
            Deadline = Now.AddDays(21),
            State = RequestState.Sent,
            SentAt = Now,
            CreatedAt = Now,
        };
        var a = new Company { Name = $"Company A {token}", CreatedAt = Now };
        var b = new Company { Name = $"Company B {token}", CreatedAt = Now };
        var responseA = new DisclosureResponse { Company = a };
        var responseB = new DisclosureResponse { Company = b };
        request.Responses.Add(responseA);
        request.Responses.Add(responseB);
        db.Requests.Add(request);
        await db.SaveChangesAsync();
        return new TwoCompanies(request, a, b, responseA, responseB);
    }

    public static CatalogRecording Recording(string isrc, string title, string artist) => new()
    {
        Isrc = isrc,
        Title = title,
        Artist = artist,
        TitleKey = TextNormaliser.Key(title),
        ArtistKey = TextNormaliser.Key(artist),
    };

    public static WorkListUpload Upload(DisclosureResponse response) => new()
    {
        ResponseId = response.Id,
        CompanyId = response.CompanyId,
        FileName = "list.csv",
        StoredName = $"{Guid.NewGuid():N}.upload",
        Sha256 = new string('0', 64),
        UploadedByUserId = "test-user",
        UploadedAt = Now,
        Status = UploadStatus.Processed,
    };
}
