using System.Globalization;
using CsvHelper;
using DisclosurePortal.Core.Matching;
using DisclosurePortal.Data;
using DisclosurePortal.Data.Entities;
using DisclosurePortal.IntegrationTests.Infrastructure;
using DisclosurePortal.Web.Features.Review.Evidence;
using DisclosurePortal.Web.Features.Review.Queue;
using ExcelDataReader;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DisclosurePortal.IntegrationTests.Review;

/// <summary>Evidence exports: every row of the request or company with its decision, formulas neutralised, written to a stream that cannot seek.</summary>
public abstract class EvidenceExportTests(DatabaseFixture database)
{
    private const string Formula = "=HYPERLINK(\"http://evil.test\",\"x\")";

    [SkippableFact]
    public async Task A_company_csv_holds_its_rows_with_decisions_and_no_formula()
    {
        var (scenario, confirmed) = await ArrangeAsync();

        var rows = await ReadCsvAsync(new EvidenceScope(scenario.Companies.Request.Id, scenario.Companies.A.Id));

        Assert.Equal(EvidenceExport.Headers, rows[0]);
        Assert.Equal(3, rows.Count - 1);
        var formulaRow = rows.Single(r => r[3].Contains("HYPERLINK", StringComparison.Ordinal));
        Assert.Equal("'" + Formula, formulaRow[3]);
        Assert.Equal("'+cmd", formulaRow[4]);
        var decided = rows.Single(r => r[13] == "confirmed");
        Assert.Equal((scenario.Recordings[confirmed].Isrc, "reviewer-1", "exact"), (decided[14], decided[15], decided[6]));
        Assert.Equal(TestData.Now.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), decided[16]);
        Assert.Contains(rows, r => r[6] == "none" && r[13] == "needs review");
    }

    [SkippableFact]
    public async Task A_request_xlsx_streams_every_companys_rows_and_no_formula()
    {
        var (scenario, _) = await ArrangeAsync();
        using var buffer = new MemoryStream();
        await using (var db = database.CreateContext(CompanyScope.Staff()))
        {
            await EvidenceWriters.WriteXlsxAsync(new ForwardOnlyStream(buffer), "Evidence", EvidenceExport.Headers,
                Cells(EvidenceExport.ReadAsync(db, new EvidenceScope(scenario.Companies.Request.Id, null))));
        }

        buffer.Position = 0;
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        using var reader = ExcelReaderFactory.CreateOpenXmlReader(buffer);
        var rows = new List<string?[]>();
        while (reader.Read())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetValue(i)?.ToString()).ToArray());
        }

        Assert.Equal(EvidenceExport.Headers, rows[0].Select(h => h ?? ""));
        Assert.Equal(6, rows.Count - 1);
        Assert.Equal(2, rows.Count(r => r[3] == "'" + Formula));
        Assert.Equal(2, rows.Skip(1).Select(r => r[0]).Distinct().Count());
    }

    private async Task<(ReviewScenario Scenario, int Confirmed)> ArrangeAsync()
    {
        database.RequireAvailable();
        await database.EnsureInitializedAsync();
        var scenario = await ReviewScenario.CreateAsync(database, [MatchTier.Exact, MatchTier.High, MatchTier.None], [MatchTier.Exact, MatchTier.High, MatchTier.None]);
        await using (var db = database.CreateContext(CompanyScope.Staff()))
        {
            await db.WorkListEntries.Where(e => (e.UploadId == scenario.UploadA.Id || e.UploadId == scenario.UploadB.Id) && e.LineNumber == 3)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.Title, Formula).SetProperty(e => e.Artist, "+cmd"));
        }

        await using var scope = database.Services.SignedInScope(TestUsers.Reviewer("reviewer-1"));
        var decided = await scope.ServiceProvider.GetRequiredService<ReviewDecisionService>()
            .DecideAllAsync(new QueueFilter(CompanyId: scenario.Companies.A.Id, Tier: MatchTier.Exact), DecisionState.Confirmed);
        Assert.Equal(1, decided);
        return (scenario, 0);
    }

    private async Task<List<string[]>> ReadCsvAsync(EvidenceScope scope)
    {
        using var buffer = new MemoryStream();
        await using (var db = database.CreateContext(CompanyScope.Staff()))
        {
            await EvidenceWriters.WriteCsvAsync(new ForwardOnlyStream(buffer), EvidenceExport.Headers, Cells(EvidenceExport.ReadAsync(db, scope)));
        }

        buffer.Position = 0;
        using var reader = new StreamReader(buffer);
        using var csv = new CsvParser(reader, CultureInfo.InvariantCulture);
        var rows = new List<string[]>();
        while (await csv.ReadAsync())
        {
            rows.Add(csv.Record!);
        }

        return rows;
    }

    private static async IAsyncEnumerable<IReadOnlyList<object?>> Cells(IAsyncEnumerable<EvidenceRow> rows)
    {
        await foreach (var row in rows)
        {
            yield return EvidenceExport.Cells(row);
        }
    }

    /// <summary>A response body: written forward only, no seeking, no length, no synchronous writes.</summary>
    private sealed class ForwardOnlyStream(Stream inner) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new InvalidOperationException("Synchronous writes are not allowed on a response.");

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => inner.WriteAsync(buffer, cancellationToken);

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => inner.WriteAsync(buffer, offset, count, cancellationToken);
    }
}

public sealed class EvidenceExportTestsOnSqlite(SqliteDatabaseFixture database) : EvidenceExportTests(database), IClassFixture<SqliteDatabaseFixture>;

public sealed class EvidenceExportTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : EvidenceExportTests(database), IClassFixture<PostgreSqlDatabaseFixture>;
