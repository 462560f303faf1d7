using DisclosurePortal.Core.Auditing;
using DisclosurePortal.Data;
using DisclosurePortal.Data.Auditing;
using DisclosurePortal.Data.Entities;
using DisclosurePortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.IntegrationTests.Auditing;

/// <summary>
/// The chain as the database keeps it: entries commit with their change, concurrent writers (separate
/// connections, as two portal processes would be) append without forking it, and it refuses rewrites.
/// </summary>
public abstract class AuditChainStoreTests(DatabaseFixture database)
{
    private static readonly AuditActor Tester = new("tester", "Test Runner");

    [SkippableFact]
    public async Task Parallel_writers_on_separate_connections_append_one_unbroken_chain()
    {
        database.RequireAvailable();
        await database.EnsureInitializedAsync();
        var before = await HeadAsync();
        const int writers = 6;
        const int appendsEach = 8;

        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < appendsEach; i++)
            {
                await using var db = database.CreateContext();
                AuditLog.Stage(db, Tester, TestData.Now, "test.parallel", new AuditSubject("Writer", $"{w}-{i}"), null, null, new { w, i });
                if (i % 2 == 0)
                {
                    AuditLog.Stage(db, Tester, TestData.Now, "test.parallel.second", new AuditSubject("Writer", $"{w}-{i}b"), null, null, null);
                }

                await db.SaveChangesAsync();
            }
        })));

        var added = writers * (appendsEach + (appendsEach / 2));
        await using var check = database.CreateContext();
        var head = await HeadAsync();
        Assert.Equal(before + added, head);
        var sequences = await check.AuditEntries.Where(e => e.Sequence > before).OrderBy(e => e.Sequence).Select(e => e.Sequence).ToListAsync();
        Assert.Equal(Enumerable.Range((int)before + 1, added).Select(s => (long)s), sequences);
        var result = await AuditTrailCheck.VerifyAsync(check, pageSize: 7);
        Assert.True(result.IsIntact, result.FirstBreak?.Reason);
        Assert.Equal(head, result.Checked);
    }

    [SkippableFact]
    public async Task An_entry_commits_with_its_change_and_names_the_new_records_key()
    {
        database.RequireAvailable();
        await database.EnsureInitializedAsync();
        await using var db = database.CreateContext();
        var company = new Company { Name = $"Audited {TestData.Token()}" };
        db.Companies.Add(company);
        AuditLog.Stage(db, Tester, TestData.Now, "company.created", company, null, null, new { company.Name });
        await db.SaveChangesAsync();

        await using var read = database.CreateContext();
        var entry = await read.AuditEntries.OrderByDescending(e => e.Sequence).FirstAsync();
        Assert.Equal(("Company", company.Id.ToString(), "Test Runner"), (entry.EntityType, entry.EntityId, entry.ActorName));
        Assert.Contains(company.Name, entry.After, StringComparison.Ordinal);
        Assert.Equal(AuditChain.ComputeHash(entry.ToRecord()), entry.Hash);
    }

    [SkippableFact]
    public async Task A_failed_change_leaves_no_entry_and_no_gap()
    {
        database.RequireAvailable();
        await database.EnsureInitializedAsync();
        var before = await HeadAsync();
        await using (var db = database.CreateContext())
        {
            // Two companies with the same normalised name: the unique index refuses the second.
            var name = $"Twice {TestData.Token()}";
            db.Companies.Add(new Company { Name = name });
            await db.SaveChangesAsync();
            var duplicate = new Company { Name = name };
            db.Companies.Add(duplicate);
            AuditLog.Stage(db, Tester, TestData.Now, "company.created", duplicate, null, null, null);
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }

        Assert.Equal(before, await HeadAsync());
        await using var check = database.CreateContext();
        Assert.True((await AuditTrailCheck.VerifyAsync(check)).IsIntact);
    }

    [SkippableFact]
    public async Task The_portal_refuses_to_change_or_delete_an_entry()
    {
        database.RequireAvailable();
        await database.EnsureInitializedAsync();
        await using var db = database.CreateContext();
        AuditLog.Stage(db, Tester, TestData.Now, "test.append-only", new AuditSubject("Test", "1"), null, null, null);
        await db.SaveChangesAsync();
        var entry = await db.AuditEntries.OrderByDescending(e => e.Sequence).FirstAsync();

        entry.ActorName = "Mallory";
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        db.Entry(entry).State = EntityState.Unchanged;
        db.AuditEntries.Remove(entry);
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
    }

    private async Task<long> HeadAsync()
    {
        await using var db = database.CreateContext();
        return (await db.AuditChainHeads.AsNoTracking().SingleAsync()).LastSequence;
    }
}

public sealed class AuditChainStoreTestsOnSqlite(SqliteDatabaseFixture database) : AuditChainStoreTests(database), IClassFixture<SqliteDatabaseFixture>;

public sealed class AuditChainStoreTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : AuditChainStoreTests(database), IClassFixture<PostgreSqlDatabaseFixture>;
