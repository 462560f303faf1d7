using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace DisclosurePortal.Data.Catalog;

/// <summary>
/// Drops a table's indexes for a bulk load into it and builds them again afterwards, inside the caller's
/// transaction: building an index over a million sorted keys is several times faster than keeping it up to
/// date row by row. The statements come from the provider's migrations SQL generator, so each index is
/// recreated exactly as the migrations define it. A rolled-back load leaves the indexes as they were.
/// </summary>
internal sealed class SuspendedIndexes
{
    private readonly PortalDbContext db;
    private readonly List<CreateIndexOperation> toRestore;

    private SuspendedIndexes(PortalDbContext db, List<CreateIndexOperation> toRestore)
    {
        this.db = db;
        this.toRestore = toRestore;
    }

    public static async Task<SuspendedIndexes> DropAsync<TEntity>(PortalDbContext db, CancellationToken cancellationToken)
    {
        var entity = db.GetService<IDesignTimeModel>().Model.FindEntityType(typeof(TEntity))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var indexes = entity.GetIndexes().SelectMany(i => i.GetMappedTableIndexes()).Where(i => i.Table.Name == table.Name).ToList();
        var drops = indexes.Select(i => (MigrationOperation)new DropIndexOperation { Name = i.Name, Table = table.Name, Schema = table.Schema }).ToList();
        await ExecuteAsync(db, drops, cancellationToken);
        return new SuspendedIndexes(db, indexes.Select(CreateIndexOperation.CreateFrom).ToList());
    }

    public Task RestoreAsync(CancellationToken cancellationToken) => ExecuteAsync(db, toRestore.Cast<MigrationOperation>().ToList(), cancellationToken);

    private static async Task ExecuteAsync(PortalDbContext db, IReadOnlyList<MigrationOperation> operations, CancellationToken cancellationToken)
    {
        var commands = db.GetService<IMigrationsSqlGenerator>().Generate(operations, db.GetService<IDesignTimeModel>().Model);
        foreach (var command in commands)
        {
            await db.Database.ExecuteSqlRawAsync(command.CommandText, cancellationToken);
        }
    }
}
