using DisclosurePortal.Core.Catalog;
using DisclosurePortal.Core.Matching;
using DisclosurePortal.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Data.Review;

/// <summary>
/// Keeps the triage queue's rows (<see cref="MatchDecision"/>) in step with the run an upload shows: one row per
/// matched entry, created once and kept across re-runs, with the run's best candidate copied onto it.
/// </summary>
public static class DecisionRows
{
    // Identifiers are double-quoted: SQLite, PostgreSQL and SQL Server (QUOTED_IDENTIFIER is on for SqlClient) all read them.
    private const string InsertMissing = """
        INSERT INTO "MatchDecisions" ("EntryId", "CompanyId", "UploadId", "RequestId", "RunId", "State", "Tier", "Score", "CandidateKind", "Revision")
        SELECT c."EntryId", c."CompanyId", e."UploadId", r."RequestId", c."RunId", 0, c."Tier", c."Score", CASE WHEN c."Tier" = 0 THEN NULL ELSE c."Kind" END, 0
        FROM "MatchCandidates" c
        JOIN "WorkListEntries" e ON e."Id" = c."EntryId"
        JOIN "WorkListUploads" u ON u."Id" = e."UploadId"
        JOIN "Responses" r ON r."Id" = u."ResponseId"
        WHERE c."RunId" = {0} AND c."Rank" = 1
          AND NOT EXISTS (SELECT 1 FROM "MatchDecisions" d WHERE d."EntryId" = c."EntryId")
        """;

    /// <summary>
    /// Call in the transaction that switches an upload to <paramref name="runId"/>: new entries get an undecided row,
    /// existing rows take the new best candidate's tier and score. Decisions themselves are left as they are.
    /// </summary>
    public static async Task SyncWithRunAsync(PortalDbContext db, int uploadId, long runId, CancellationToken cancellationToken = default)
    {
        var best = db.MatchCandidates.Where(c => c.RunId == runId && c.Rank == 1);
        await db.MatchDecisions
            .Where(d => d.UploadId == uploadId && best.Any(c => c.EntryId == d.EntryId))
            .ExecuteUpdateAsync(
                s => s.SetProperty(d => d.RunId, runId)
                    .SetProperty(d => d.Tier, d => best.Where(c => c.EntryId == d.EntryId).Select(c => c.Tier).First())
                    .SetProperty(d => d.Score, d => best.Where(c => c.EntryId == d.EntryId).Select(c => c.Score).First())
                    .SetProperty(
                        d => d.CandidateKind,
                        d => best.Where(c => c.EntryId == d.EntryId).Select(c => c.Tier == MatchTier.None ? null : (CatalogKind?)c.Kind).First()),
                cancellationToken);
        await db.Database.ExecuteSqlRawAsync(InsertMissing, [runId], cancellationToken);
    }
}
