using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace DisclosurePortal.Data.Catalog;

/// <summary>
/// Inserts new entities of one type with multi-row INSERT statements on the context's connection and
/// transaction, bypassing the change tracker: a million-row import (catalog entries, work-list rows, match
/// candidates) spends its time in the database, not in tracking entities it never reads back. Columns, names and conversions come from the EF model,
/// so the statement follows the schema on every provider. Database-generated keys are not read back.
/// </summary>
public sealed class BatchInsert<TEntity> : IAsyncDisposable
    where TEntity : class
{
    // SQL Server allows 2,100 parameters and 1,000 rows per VALUES list; staying under both suits every provider.
    private const int MaxParameters = 2000;
    private const int MaxRows = 1000;

    private readonly PortalDbContext db;
    private readonly IProperty[] columns;
    private readonly IClrPropertyGetter[] getters;
    private readonly Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter?[] converters;
    private readonly string insertInto;
    private readonly int rowsPerStatement;
    private DbCommand? fullCommand;
    private bool holdsConnection;

    public BatchInsert(PortalDbContext db)
    {
        this.db = db;
        var entity = db.Model.FindEntityType(typeof(TEntity)) ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not in the model.");
        columns = entity.GetProperties().Where(p => p.ValueGenerated == ValueGenerated.Never || !p.IsPrimaryKey()).ToArray();
        var sql = db.GetService<ISqlGenerationHelper>();
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        insertInto = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.GetColumnName(table)!)))}) VALUES ";
        getters = columns.Select(c => c.GetGetter()).ToArray();
        converters = columns.Select(c => c.GetTypeMapping().Converter).ToArray();

        // SQLite binds each parameter by a name search through the statement's parameters, so a long VALUES
        // list costs quadratic time; a prepared one-row statement is fastest there (no round trips to save).
        rowsPerStatement = db.Database.IsSqlite() ? 1 : Math.Min(MaxRows, MaxParameters / columns.Length);
    }

    public async Task InsertAsync(IReadOnlyList<TEntity> entities, CancellationToken cancellationToken)
    {
        for (var start = 0; start < entities.Count; start += rowsPerStatement)
        {
            var count = Math.Min(rowsPerStatement, entities.Count - start);
            var command = count == rowsPerStatement ? fullCommand ??= await CreateAsync(count, cancellationToken) : await CreateAsync(count, cancellationToken);
            var parameter = 0;
            for (var row = start; row < start + count; row++)
            {
                for (var i = 0; i < columns.Length; i++)
                {
                    var value = getters[i].GetClrValueUsingContainingEntity(entities[row]);
                    var converter = converters[i];
                    command.Parameters[parameter++].Value = (value is null ? null : converter is null ? value : converter.ConvertToProvider(value)) ?? DBNull.Value;
                }
            }

            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            if (rowsPerStatement == 1)
            {
                command.ExecuteNonQuery(); // SQLite runs in-process: the async path only adds a task per row
            }
            else
            {
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
            if (command != fullCommand)
            {
                await command.DisposeAsync();
            }
        }
    }

    private async Task<DbCommand> CreateAsync(int rows, CancellationToken cancellationToken)
    {
        if (!holdsConnection)
        {
            // The prepared command belongs to this connection: keep it open across the caller's transactions (a
            // job commits one per batch), or closing it between them would hand the next batch another one from
            // the pool, on which the prepared statement is not valid (SQLite: "bad parameter or API misuse").
            await db.Database.OpenConnectionAsync(cancellationToken);
            holdsConnection = true;
        }

        var connection = db.Database.GetDbConnection();

        var command = connection.CreateCommand();
        var text = new System.Text.StringBuilder(insertInto);
        for (var row = 0; row < rows; row++)
        {
            text.Append(row == 0 ? "(" : ", (");
            for (var i = 0; i < columns.Length; i++)
            {
                var name = $"@p{(row * columns.Length) + i}";
                text.Append(i == 0 ? name : ", " + name);
                var mapping = (RelationalTypeMapping)columns[i].GetTypeMapping();
                command.Parameters.Add(mapping.CreateParameter(command, name, null, nullable: true));
            }

            text.Append(')');
        }

        command.CommandText = text.ToString();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.Prepare();
        return command;
    }

    public async ValueTask DisposeAsync()
    {
        if (fullCommand is not null)
        {
            await fullCommand.DisposeAsync();
        }

        if (holdsConnection)
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
