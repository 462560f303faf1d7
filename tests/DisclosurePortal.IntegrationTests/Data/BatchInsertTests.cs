using DisclosurePortal.Data;
using DisclosurePortal.Data.Catalog;
using DisclosurePortal.Data.Entities;
using DisclosurePortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.IntegrationTests.Data;

/// <summary>
/// The batched insert as the jobs use it: one insert across many transactions (one a batch). Between two
/// batches other work takes connections from the pool; the insert's prepared statement must still be valid.
/// </summary>
public abstract class BatchInsertTests(DatabaseFixture database)
{
    [SkippableFact]
    public async Task One_insert_serves_one_transaction_after_another_while_the_pool_hands_out_connections_in_between()
    {
        database.RequireAvailable();
        await database.EnsureInitializedAsync();
        var token = TestData.Token();
        var others = new List<PortalDbContext>();
        try
        {
            await using var db = database.CreateContext();
            await using (var insert = new BatchInsert<CatalogRecording>(db))
            {
                for (var batch = 0; batch < 3; batch++)
                {
                    await using (var transaction = await db.Database.BeginTransactionAsync())
                    {
                        // More rows than one multi-row statement holds, so the prepared one is used on every provider.
                        var rows = Enumerable.Range(0, 300).Select(i => TestData.Recording(TestData.NewIsrc(), $"Batch {token} {batch} {i}", "Artist")).ToList();
                        await insert.InsertAsync(rows, default);
                        await transaction.CommitAsync();
                    }

                    // Another unit of work takes a connection and keeps it while the next batch is written.
                    var other = database.CreateContext();
                    others.Add(other);
                    await other.Database.OpenConnectionAsync();
                }
            }

            Assert.Equal(900, await db.CatalogRecordings.CountAsync(r => r.Title.StartsWith($"Batch {token} ")));
        }
        finally
        {
            foreach (var other in others)
            {
                await other.DisposeAsync();
            }
        }
    }
}

public sealed class BatchInsertTestsOnSqlite(SqliteDatabaseFixture database) : BatchInsertTests(database), IClassFixture<SqliteDatabaseFixture>;

public sealed class BatchInsertTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : BatchInsertTests(database), IClassFixture<PostgreSqlDatabaseFixture>;
