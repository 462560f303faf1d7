using DisclosurePortal.Core.Catalog;
using DisclosurePortal.Core.Identifiers;
using DisclosurePortal.Core.Matching;
using DisclosurePortal.Core.Synthetic;
using DisclosurePortal.Data.Catalog;
using DisclosurePortal.IntegrationTests.Infrastructure;
using DisclosurePortal.Web.Features.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DisclosurePortal.IntegrationTests.Catalog;

/// <summary>Staff find catalog entries by any pasted identifier or the start of a title, and follow their links.</summary>
public abstract class CatalogBrowseTests(DatabaseFixture database) : IDisposable
{
    private readonly TempDirectory folder = new("catalog-browse");

    public void Dispose()
    {
        folder.Dispose();
        GC.SuppressFinalize(this);
    }

    [SkippableFact]
    public async Task Finds_entries_by_pasted_identifiers_and_title_prefix_and_shows_their_links()
    {
        await ImportSyntheticCatalogAsync();
        await using var db = database.CreateContext();
        var recording = await db.CatalogRecordings.Include(r => r.Composition).FirstAsync(r => r.CompositionId != null && r.Composition!.Iswc != null);
        var release = await db.CatalogReleases.FirstAsync(r => db.ReleaseTracks.Any(t => t.ReleaseId == r.Id && t.RecordingId == recording.Id));

        await using var scope = database.Services.SignedInScope(TestUsers.Reviewer());
        var search = scope.ServiceProvider.GetRequiredService<CatalogSearchService>();
        var entries = scope.ServiceProvider.GetRequiredService<CatalogEntryService>();

        var byIsrc = await search.SearchAsync(new CatalogQuery(CatalogKind.Recordings, Isrc.Parse(recording.Isrc).Formatted.ToLowerInvariant(), null), 0, 25);
        Assert.Equal(recording.Id, Assert.Single(byIsrc.Items).Id);

        var byIswc = await search.SearchAsync(new CatalogQuery(CatalogKind.Compositions, Iswc.Parse(recording.Composition!.Iswc!).Formatted, null), 0, 25);
        var composition = Assert.Single(byIswc.Items);
        Assert.Equal(recording.CompositionId, composition.Id);
        Assert.False(string.IsNullOrEmpty(composition.Credit), "writers are listed");

        var gtin = Gtin.Parse(release.Gtin);
        var byCode = await search.SearchAsync(new CatalogQuery(CatalogKind.Releases, $" {gtin.Formatted} ", null), 0, 25);
        Assert.Equal(release.Id, Assert.Single(byCode.Items).Id);

        var prefix = recording.Title[..Math.Min(5, recording.Title.Length)].ToUpperInvariant();
        var byTitle = await search.SearchAsync(new CatalogQuery(CatalogKind.Recordings, prefix, null), 0, 100);
        Assert.Contains(byTitle.Items, i => i.Id == recording.Id);
        var key = TextNormaliser.Key(prefix);
        Assert.All(byTitle.Items, i => Assert.True(
            TextNormaliser.Key(i.Title).StartsWith(key, StringComparison.Ordinal) || TextNormaliser.Key(i.Credit).StartsWith(key, StringComparison.Ordinal),
            $"{i.Title} / {i.Credit} does not start with '{key}'"));

        var detail = await entries.GetAsync(CatalogKind.Recordings, recording.Id);
        Assert.NotNull(detail);
        Assert.Contains(detail.Facts, f => f.Key == "ISRC" && f.Value == Isrc.Parse(recording.Isrc).Formatted);
        Assert.Contains(detail.Links, l => l.Kind == CatalogKind.Compositions && l.Id == recording.CompositionId);
        Assert.Contains(detail.Links, l => l.Kind == CatalogKind.Releases && l.Id == release.Id);

        var tracks = await entries.GetAsync(CatalogKind.Releases, release.Id);
        Assert.Contains(tracks!.Links, l => l.Kind == CatalogKind.Recordings && l.Id == recording.Id);
        Assert.Null(await entries.GetAsync(CatalogKind.Recordings, -1));
    }

    [SkippableFact]
    public async Task Pages_on_the_server_and_filters_by_year()
    {
        await ImportSyntheticCatalogAsync();
        await using var scope = database.Services.SignedInScope(TestUsers.Reviewer());
        var search = scope.ServiceProvider.GetRequiredService<CatalogSearchService>();

        var first = await search.SearchAsync(new CatalogQuery(CatalogKind.Recordings, null, null), 0, 10);
        var second = await search.SearchAsync(new CatalogQuery(CatalogKind.Recordings, null, null), 1, 10);
        Assert.Equal(10, first.Items.Count);
        Assert.Equal(first.TotalCount, second.TotalCount);
        Assert.Empty(first.Items.Select(i => i.Id).Intersect(second.Items.Select(i => i.Id)));

        var year = first.Items.First(i => i.Year is not null).Year;
        var inYear = await search.SearchAsync(new CatalogQuery(CatalogKind.Recordings, null, year), 0, 1000);
        Assert.NotEmpty(inYear.Items);
        Assert.All(inYear.Items, i => Assert.Equal(year, i.Year));
    }

    [SkippableFact]
    public async Task Respondents_cannot_search_the_catalog()
    {
        database.RequireAvailable();
        await database.EnsureInitializedAsync();
        await using var scope = database.Services.SignedInScope(TestUsers.Respondent(1));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() =>
            scope.ServiceProvider.GetRequiredService<CatalogSearchService>().SearchAsync(new CatalogQuery(CatalogKind.Recordings, "a", null), 0, 10));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() =>
            scope.ServiceProvider.GetRequiredService<CatalogEntryService>().GetAsync(CatalogKind.Recordings, 1));
    }

    private async Task ImportSyntheticCatalogAsync()
    {
        database.RequireAvailable();
        await database.EnsureInitializedAsync();
        await using var db = database.CreateContext();
        if (await db.CatalogRecordings.AnyAsync())
        {
            return;
        }

        SyntheticCatalogFiles.Write(folder.Path, 48, listRows: 1);
        foreach (var (file, kind) in new[]
                 {
                     (SyntheticCatalogFiles.CompositionsFile, CatalogKind.Compositions),
                     (SyntheticCatalogFiles.ReleasesFile, CatalogKind.Releases),
                     (SyntheticCatalogFiles.RecordingsFile, CatalogKind.Recordings),
                 })
        {
            await using var stream = File.OpenRead(folder.Combine(file));
            await new CatalogImporter(db, new FixedTimeProvider(TestData.Now)).ImportAsync(stream, file, kind, new CatalogImportOptions());
        }
    }
}

public sealed class CatalogBrowseTestsOnSqlite(SqliteDatabaseFixture database) : CatalogBrowseTests(database), IClassFixture<SqliteDatabaseFixture>;

public sealed class CatalogBrowseTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : CatalogBrowseTests(database), IClassFixture<PostgreSqlDatabaseFixture>;
