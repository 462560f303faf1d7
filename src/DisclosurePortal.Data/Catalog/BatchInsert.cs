using System.Data.Common;
using Microsoft.Data.Sqlite;
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
    private readonly bool bindsDirectly;
    private DbCommand? fullCommand;
    private SQLitePCL.sqlite3_stmt? statement;
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

        // Even then, Microsoft.Data.Sqlite looks every parameter up by name on each execution (a quarter of an
        // import's time); values that SQLite stores as they are (text, integers, reals) are bound by position.
        bindsDirectly = db.Database.IsSqlite() && columns.All(c => BindsDirectly(c.GetTypeMapping().Converter?.ProviderClrType ?? c.ClrType));
    }

    public async Task InsertAsync(IReadOnlyList<TEntity> entities, CancellationToken cancellationToken)
    {
        if (bindsDirectly)
        {
            await InsertBoundAsync(entities, cancellationToken);
            return;
        }

        for (var start = 0; start < entities.Count; start += rowsPerStatement)
        {
            var count = Math.Min(rowsPerStatement, entities.Count - start);
            var command = count == rowsPerStatement ? fullCommand ??= await CreateAsync(count, cancellationToken) : await CreateAsync(count, cancellationToken);
            var parameter = 0;
            for (var row = start; row < start + count; row++)
            {
                for (var i = 0; i < columns.Length; i++)
                {
                    command.Parameters[parameter++].Value = ProviderValue(i, entities[row]) ?? DBNull.Value;
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

    // The column's value as the database stores it (enums as numbers and the like, through the model's converters).
    private object? ProviderValue(int column, TEntity entity)
    {
        var value = getters[column].GetClrValueUsingContainingEntity(entity);
        return value is null || converters[column] is not { } converter ? value : converter.ConvertToProvider(value);
    }

    private static bool BindsDirectly(Type type) =>
        (Nullable.GetUnderlyingType(type) ?? type) is var t
        && (t == typeof(string) || t == typeof(long) || t == typeof(int) || t == typeof(short) || t == typeof(bool) || t == typeof(double));

    // One prepared statement on the connection's own handle, in whatever transaction the connection is in.
    private async Task InsertBoundAsync(IReadOnlyList<TEntity> entities, CancellationToken cancellationToken)
    {
        await HoldConnectionAsync(cancellationToken);
        var handle = ((SqliteConnection)db.Database.GetDbConnection()).Handle!;
        if (statement is null)
        {
            SqliteException.ThrowExceptionForRC(SQLitePCL.raw.sqlite3_prepare_v2(handle, InsertText(1, _ => "?"), out statement), handle);
        }

        foreach (var entity in entities)
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (var i = 0; i < columns.Length; i++)
            {
                SqliteException.ThrowExceptionForRC(Bind(statement, i + 1, ProviderValue(i, entity)), handle);
            }

            var done = SQLitePCL.raw.sqlite3_step(statement);
            SQLitePCL.raw.sqlite3_reset(statement);
            if (done != SQLitePCL.raw.SQLITE_DONE)
            {
                SqliteException.ThrowExceptionForRC(done, handle);
            }
        }
    }

    private static int Bind(SQLitePCL.sqlite3_stmt statement, int index, object? value) => value switch
    {
        null => SQLitePCL.raw.sqlite3_bind_null(statement, index),
        string text => SQLitePCL.raw.sqlite3_bind_text(statement, index, text),
        long number => SQLitePCL.raw.sqlite3_bind_int64(statement, index, number),
        int number => SQLitePCL.raw.sqlite3_bind_int64(statement, index, number),
        short number => SQLitePCL.raw.sqlite3_bind_int64(statement, index, number),
        bool flag => SQLitePCL.raw.sqlite3_bind_int64(statement, index, flag ? 1 : 0),
        double real => SQLitePCL.raw.sqlite3_bind_double(statement, index, real),
        _ => throw new InvalidOperationException($"{value.GetType().Name} is not bound directly."),
    };

    private async Task HoldConnectionAsync(CancellationToken cancellationToken)
    {
        if (!holdsConnection)
        {
            // The prepared command belongs to this connection: keep it open across the caller's transactions (a
            // job commits one per batch), or closing it between them would hand the next batch another one from
            // the pool, on which the prepared statement is not valid (SQLite: "bad parameter or API misuse").
            await db.Database.OpenConnectionAsync(cancellationToken);
            holdsConnection = true;
        }
    }

    private string InsertText(int rows, Func<int, string> parameterName)
    {
        var text = new System.Text.StringBuilder(insertInto);
        for (var row = 0; row < rows; row++)
        {
            text.Append(row == 0 ? "(" : ", (");
            for (var i = 0; i < columns.Length; i++)
            {
                text.Append(i == 0 ? string.Empty : ", ").Append(parameterName((row * columns.Length) + i));
            }

            text.Append(')');
        }

        return text.ToString();
    }

    private async Task<DbCommand> CreateAsync(int rows, CancellationToken cancellationToken)
    {
        await HoldConnectionAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();

        var command = connection.CreateCommand();
        for (var p = 0; p < rows * columns.Length; p++)
        {
            var mapping = (RelationalTypeMapping)columns[p % columns.Length].GetTypeMapping();
            command.Parameters.Add(mapping.CreateParameter(command, $"@p{p}", null, nullable: true));
        }

        command.CommandText = InsertText(rows, p => $"@p{p}");
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.Prepare();
        return command;
    }

    public async ValueTask DisposeAsync()
    {
        statement?.Dispose();
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
