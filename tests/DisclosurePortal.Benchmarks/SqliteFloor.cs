using System.Globalization;
using CsvHelper;
using SQLitePCL;

namespace DisclosurePortal.Benchmarks;

/// <summary>
/// The least any importer could do on SQLite with this file: its eleven fields, as text, bound by position into one
/// prepared insert inside one transaction, then five of the seven indexes the recordings table carries (no keys,
/// hashes, validation, versions or links). What it takes bounds from below what the real import can take.
/// </summary>
internal static class SqliteFloor
{
    public static long Load(string file, string database)
    {
        Batteries_V2.Init();
        Check(raw.sqlite3_open(database, out var db), db);
        using (db)
        {
            Exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;");
            Exec(db, "CREATE TABLE r(recording_id TEXT, isrc TEXT, title TEXT, version TEXT, main_artist TEXT, featured_artists TEXT, " +
                     "duration_seconds TEXT, year TEXT, label TEXT, composition_id TEXT, release_id TEXT)");
            Exec(db, "BEGIN");
            Check(raw.sqlite3_prepare_v2(db, "INSERT INTO r VALUES (?,?,?,?,?,?,?,?,?,?,?)", out var insert), db);
            long rows = 0;
            using (insert)
            using (var reader = new StreamReader(file))
            using (var csv = new CsvParser(reader, CultureInfo.InvariantCulture))
            {
                csv.Read();
                while (csv.Read())
                {
                    for (var i = 0; i < 11; i++)
                    {
                        raw.sqlite3_bind_text(insert, i + 1, csv[i]);
                    }

                    if (raw.sqlite3_step(insert) != raw.SQLITE_DONE)
                    {
                        Check(raw.sqlite3_errcode(db), db);
                    }

                    raw.sqlite3_reset(insert);
                    rows++;
                }
            }

            Exec(db, "CREATE UNIQUE INDEX r_isrc ON r(isrc); CREATE INDEX r_title ON r(title, main_artist, version); " +
                     "CREATE INDEX r_artist ON r(main_artist, version, title); CREATE INDEX r_composition ON r(composition_id); " +
                     "CREATE INDEX r_release ON r(release_id);");
            Exec(db, "COMMIT");
            return rows;
        }
    }

    private static void Exec(sqlite3 db, string sql) => Check(raw.sqlite3_exec(db, sql), db);

    private static void Check(int code, sqlite3 db)
    {
        if (code is not raw.SQLITE_OK and not raw.SQLITE_DONE)
        {
            throw new InvalidOperationException($"SQLite {code}: {raw.sqlite3_errmsg(db).utf8_to_string()}");
        }
    }
}
