using System.IO.Compression;
using System.Text;
using DisclosurePortal.Core.Matching;
using DisclosurePortal.Core.WorkLists;
using DisclosurePortal.Data.Entities;
using DisclosurePortal.IntegrationTests.Infrastructure;
using DisclosurePortal.Web.Features.Responses;
using DisclosurePortal.Web.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DisclosurePortal.IntegrationTests.Responses;

/// <summary>
/// The upload's mapping step and its guards on a real database, with small limits so the cases stay small: every
/// field of a list kept, a mapping confirmed and offered again, .gz read, and a file too large, a program, a zip bomb,
/// an odd file name and a broken transfer each answered clearly, with the company's earlier upload untouched.
/// </summary>
public abstract class WorkListUploadGuardTests(DatabaseFixture database)
{
    private const long MaxBytes = 64 * 1024;
    private const long MaxUnpackedBytes = 256 * 1024;

    [SkippableFact]
    public async Task Every_field_is_kept_through_a_confirmed_mapping_which_is_offered_again_for_the_same_header()
    {
        await using var fixture = await ArrangeAsync();
        var csv = "Werk;Interpret;Kennung;Platte;Dauer;Jahr;Art;Datensatz;Zweck\n" +
            "Paper Lights;Nadia Okafor;GB-AYE-76-00012;Night Songs;3:20;2011;;LAION;pre-training\n" +
            "Lichter;;;;PT4M;;lyrics;;\n" +
            ";;XX;;;;;;\n";
        var first = await fixture.ReceiveAsync("liste.csv", Encoding.UTF8.GetBytes(csv));
        var proposal = await fixture.AsRespondent(i => i.GetMappingAsync(first));
        Assert.False(proposal.Remembered);
        Assert.Equal("CSV (semicolon-separated, UTF-8)", proposal.Format);
        Assert.StartsWith("The file needs an ISRC column", await fixture.AsRespondent(i => i.ConfirmMappingAsync(first)), StringComparison.Ordinal);

        var mapping = new Dictionary<WorkListField, int>
        {
            [WorkListField.Title] = 0, [WorkListField.Artist] = 1, [WorkListField.Isrc] = 2, [WorkListField.Album] = 3, [WorkListField.Duration] = 4,
            [WorkListField.Year] = 5, [WorkListField.AssetKind] = 6, [WorkListField.Dataset] = 7, [WorkListField.Purpose] = 8,
        };
        Assert.Null(await fixture.AsRespondent(i => i.ConfirmMappingAsync(first, mapping)));
        await fixture.RunJobsAsync();

        await using (var db = database.CreateContext())
        {
            var entries = await db.WorkListEntries.Where(e => e.UploadId == first).OrderBy(e => e.LineNumber).ToListAsync();
            Assert.Equal(3, entries.Count);
            Assert.Equal(("Paper Lights", "Nadia Okafor", "GBAYE7600012", "Night Songs", 200, 2011), (entries[0].Title, entries[0].Artist, entries[0].Isrc, entries[0].Album, entries[0].DurationSeconds, entries[0].Year));
            Assert.Equal(("LAION", "pre-training", AssetKind.Audio), (entries[0].Dataset, entries[0].Purpose, entries[0].AssetKind));
            Assert.Equal((AssetKind.Lyrics, 240), (entries[1].AssetKind, entries[1].DurationSeconds));
            Assert.Equal("ISRC 'XX' is not valid and there is no title", entries[2].RejectionReason);
            var upload = await db.WorkListUploads.SingleAsync(u => u.Id == first);
            Assert.Equal((2, 1), (upload.RowsAccepted, upload.RowsRejected));
        }

        // The next file with the same header (case and spacing aside) starts from what the company confirmed.
        var second = await fixture.ReceiveAsync("liste-2.csv", Encoding.UTF8.GetBytes(csv.Replace("Werk;", "WERK ;", StringComparison.Ordinal)));
        var again = await fixture.AsRespondent(i => i.GetMappingAsync(second));
        Assert.True(again.Remembered);
        Assert.Equal(mapping, again.Mapping);

        // The preview pages the accepted rows and counts them by kind.
        var page = await fixture.AsWorkspace(w => w.GetAcceptedRowsAsync(first, 0, 1));
        Assert.Equal(2, page.Total);
        Assert.Equal("Paper Lights", Assert.Single(page.Rows).Title);
        Assert.Equal([(AssetKind.Audio, 1, 0), (AssetKind.Lyrics, 1, 0)], await fixture.AsWorkspace(w => w.CountAcceptedByKindAsync(first)));
    }

    [SkippableFact]
    public async Task A_gzipped_list_is_read_and_a_zip_bomb_stops_at_the_unpacked_limit()
    {
        await using var fixture = await ArrangeAsync();
        var gz = Gzip(Encoding.UTF8.GetBytes("Title,Artist,ISRC\nSong,Band,USRC17607839\n"));
        var good = await fixture.ReceiveAsync("works.csv.gz", gz);
        Assert.EndsWith("unpacked from .gz", (await fixture.AsRespondent(i => i.GetMappingAsync(good))).Format, StringComparison.Ordinal);
        Assert.Null(await fixture.AsRespondent(i => i.ConfirmMappingAsync(good)));

        // Compresses to about a kilobyte, unpacks past the limit.
        var bomb = Gzip(Encoding.UTF8.GetBytes("Title,Artist\n" + string.Concat(Enumerable.Repeat("Song,Band\n", (int)(MaxUnpackedBytes / 10) + 100))));
        Assert.True(bomb.Length < MaxBytes);
        var bombed = await fixture.ReceiveAsync("bomb.csv.gz", bomb);
        Assert.Null(await fixture.AsRespondent(i => i.ConfirmMappingAsync(bombed)));
        await fixture.RunJobsAsync();

        await using var db = database.CreateContext();
        var goodUpload = await db.WorkListUploads.SingleAsync(u => u.Id == good);
        Assert.Equal((UploadStatus.Processed, 1), (goodUpload.Status, goodUpload.RowsAccepted));
        var bombUpload = await db.WorkListUploads.SingleAsync(u => u.Id == bombed);
        Assert.Equal(UploadStatus.Refused, bombUpload.Status);
        Assert.Contains("unpacks to more than", bombUpload.RefusalReason, StringComparison.Ordinal);
        Assert.False(await db.WorkListEntries.AnyAsync(e => e.UploadId == bombed));
    }

    public static TheoryData<string, string> Refusals => new()
    {
        { "too-large", "larger than 64.0 KB" },
        { "program", "This file is a Windows program (.exe or .dll), not a work list" },
        { "elf", "This file is a Linux program (ELF), not a work list" },
    };

    [SkippableTheory]
    [MemberData(nameof(Refusals))]
    public async Task A_file_too_large_or_a_program_is_refused_before_it_is_kept_and_earlier_uploads_stand(string kind, string message)
    {
        await using var fixture = await ArrangeAsync();
        var earlierBytes = Encoding.UTF8.GetBytes("Title,Artist\nSong,Band\n");
        var earlier = await fixture.ReceiveAsync("earlier.csv", earlierBytes);
        var content = kind switch
        {
            "too-large" => Encoding.UTF8.GetBytes("Title,Artist\n" + string.Concat(Enumerable.Repeat("Song,Band\n", (int)(MaxBytes / 10) + 10))),
            "program" => [(byte)'M', (byte)'Z', 0x90, 0, 3, 0, 0, 0, .. Encoding.ASCII.GetBytes("Title,Artist\n")],
            _ => [0x7F, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1, 0],
        };

        var result = await fixture.AsRespondent(i => i.ReceiveAsync(fixture.ResponseId, "works.csv", new MemoryStream(content)));

        Assert.True(result.Refused);
        Assert.Contains(message, result.Message, StringComparison.Ordinal);
        await using var db = database.CreateContext();
        Assert.Equal([earlier], await db.WorkListUploads.Where(u => u.ResponseId == fixture.ResponseId).Select(u => u.Id).ToListAsync());
        Assert.Equal(earlierBytes, Assert.Single(fixture.StoredFiles()));
    }

    [SkippableFact]
    public async Task An_interrupted_transfer_leaves_nothing_half_registered_and_can_be_retried()
    {
        await using var fixture = await ArrangeAsync();
        var earlier = await fixture.ReceiveAsync("earlier.csv", Encoding.UTF8.GetBytes("Title,Artist\nSong,Band\n"));
        var bytes = Encoding.UTF8.GetBytes("Title,Artist\n" + string.Concat(Enumerable.Repeat("Song,Band\n", 3000)));

        await Assert.ThrowsAsync<IOException>(() => fixture.AsRespondent(i => i.ReceiveAsync(fixture.ResponseId, "works.csv", new BrokenStream(bytes, breakAfter: 10_000))));

        await using (var db = database.CreateContext())
        {
            Assert.Equal([earlier], await db.WorkListUploads.Where(u => u.ResponseId == fixture.ResponseId).Select(u => u.Id).ToListAsync());
        }

        Assert.Single(fixture.StoredFiles());
        var retried = await fixture.ReceiveAsync("works.csv", bytes);
        Assert.NotEqual(earlier, retried);
        Assert.Equal(2, fixture.StoredFiles().Count);
    }

    [SkippableFact]
    public async Task A_file_name_with_folders_or_control_characters_is_stored_under_a_name_of_the_portals_own_and_shown_clean()
    {
        await using var fixture = await ArrangeAsync();
        var id = await fixture.ReceiveAsync("../../etc/\u0007pass\u202Ewd\r\n.csv", Encoding.UTF8.GetBytes("Title,Artist\nSong,Band\n"));

        await using var db = database.CreateContext();
        var upload = await db.WorkListUploads.SingleAsync(u => u.Id == id);
        Assert.Equal("passwd.csv", upload.FileName);
        Assert.Matches("^[0-9a-f]{32}\\.upload$", upload.StoredName);
        Assert.Single(fixture.StoredFiles());
    }

    private static byte[] Gzip(byte[] content)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.SmallestSize))
        {
            gzip.Write(content);
        }

        return buffer.ToArray();
    }

    private async Task<Fixture> ArrangeAsync()
    {
        database.RequireAvailable();
        await database.EnsureInitializedAsync();
        await using var db = database.CreateContext();
        var companies = await TestData.CreateTwoCompaniesAsync(db);
        var services = PortalTestServices.Build(database, new FixedTimeProvider(TestData.Now), new Dictionary<string, string?>
        {
            ["Uploads:MaxBytes"] = MaxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Uploads:MaxUnpackedBytes"] = MaxUnpackedBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        return new Fixture(services, companies.A.Id, companies.ResponseA.Id, Path.Combine(database.Storage.Path, "uploads", companies.A.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    private sealed class Fixture(ServiceProvider services, int companyId, int responseId, string folder) : IAsyncDisposable
    {
        public int ResponseId => responseId;

        public async Task<T> AsRespondent<T>(Func<WorkListIntake, Task<T>> action)
        {
            await using var scope = services.SignedInScope(TestUsers.Respondent(companyId));
            return await action(scope.ServiceProvider.GetRequiredService<WorkListIntake>());
        }

        public async Task<T> AsWorkspace<T>(Func<RespondentWorkspace, Task<T>> action)
        {
            await using var scope = services.SignedInScope(TestUsers.Respondent(companyId));
            return await action(scope.ServiceProvider.GetRequiredService<RespondentWorkspace>());
        }

        public async Task<int> ReceiveAsync(string fileName, byte[] content)
        {
            var result = await AsRespondent(i => i.ReceiveAsync(responseId, fileName, new MemoryStream(content)));
            Assert.False(result.Refused, result.Message);
            return result.UploadId;
        }

        public async Task RunJobsAsync()
        {
            var runner = services.GetRequiredService<JobRunner>();
            while (await runner.RunOnceAsync(default))
            {
            }
        }

        /// <summary>The contents of the company's stored files.</summary>
        public List<byte[]> StoredFiles() => Directory.Exists(folder) ? Directory.EnumerateFiles(folder).Select(File.ReadAllBytes).ToList() : [];

        public ValueTask DisposeAsync() => services.DisposeAsync();
    }

    /// <summary>A transfer that breaks off: gives the first bytes, then fails as a dropped connection does.</summary>
    private sealed class BrokenStream(byte[] content, int breakAfter) : MemoryStream(content)
    {
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (Position >= breakAfter)
            {
                throw new IOException("The connection was reset.");
            }

            return await base.ReadAsync(buffer[..Math.Min(buffer.Length, breakAfter - (int)Position)], cancellationToken);
        }
    }
}

public sealed class WorkListUploadGuardTestsOnSqlite(SqliteDatabaseFixture database) : WorkListUploadGuardTests(database), IClassFixture<SqliteDatabaseFixture>;

public sealed class WorkListUploadGuardTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : WorkListUploadGuardTests(database), IClassFixture<PostgreSqlDatabaseFixture>;
