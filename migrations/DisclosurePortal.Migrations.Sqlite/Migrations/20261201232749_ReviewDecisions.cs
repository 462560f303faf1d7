using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DisclosurePortal.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ReviewDecisions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MatchDecisionChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DecisionId = table.Column<long>(type: "INTEGER", nullable: false),
                    EntryId = table.Column<long>(type: "INTEGER", nullable: false),
                    CompanyId = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    ChosenKind = table.Column<int>(type: "INTEGER", nullable: true),
                    ChosenCatalogId = table.Column<long>(type: "INTEGER", nullable: true),
                    ChangedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ChangedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ChangedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MatchDecisionChanges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MatchDecisions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EntryId = table.Column<long>(type: "INTEGER", nullable: false),
                    CompanyId = table.Column<int>(type: "INTEGER", nullable: false),
                    UploadId = table.Column<int>(type: "INTEGER", nullable: false),
                    RequestId = table.Column<int>(type: "INTEGER", nullable: false),
                    RunId = table.Column<long>(type: "INTEGER", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    Tier = table.Column<int>(type: "INTEGER", nullable: false),
                    Score = table.Column<double>(type: "REAL", nullable: false),
                    CandidateKind = table.Column<int>(type: "INTEGER", nullable: true),
                    ChosenKind = table.Column<int>(type: "INTEGER", nullable: true),
                    ChosenCatalogId = table.Column<long>(type: "INTEGER", nullable: true),
                    DecidedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ClaimedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ClaimedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ClaimedUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    LastBatch = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MatchDecisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MatchDecisions_WorkListEntries_EntryId",
                        column: x => x.EntryId,
                        principalTable: "WorkListEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MatchDecisionChanges_CompanyId",
                table: "MatchDecisionChanges",
                column: "CompanyId");

            migrationBuilder.CreateIndex(
                name: "IX_MatchDecisionChanges_DecisionId_Revision",
                table: "MatchDecisionChanges",
                columns: new[] { "DecisionId", "Revision" });

            migrationBuilder.CreateIndex(
                name: "IX_MatchDecisions_ClaimedByUserId",
                table: "MatchDecisions",
                column: "ClaimedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_MatchDecisions_CompanyId_State_Tier_Score",
                table: "MatchDecisions",
                columns: new[] { "CompanyId", "State", "Tier", "Score" });

            migrationBuilder.CreateIndex(
                name: "IX_MatchDecisions_EntryId",
                table: "MatchDecisions",
                column: "EntryId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MatchDecisions_LastBatch",
                table: "MatchDecisions",
                column: "LastBatch");

            migrationBuilder.CreateIndex(
                name: "IX_MatchDecisions_RequestId_State_Tier",
                table: "MatchDecisions",
                columns: new[] { "RequestId", "State", "Tier" });

            migrationBuilder.CreateIndex(
                name: "IX_MatchDecisions_State_ChosenKind_ChosenCatalogId_CompanyId",
                table: "MatchDecisions",
                columns: new[] { "State", "ChosenKind", "ChosenCatalogId", "CompanyId" });

            migrationBuilder.CreateIndex(
                name: "IX_MatchDecisions_State_Tier_Score",
                table: "MatchDecisions",
                columns: new[] { "State", "Tier", "Score" });

            migrationBuilder.CreateIndex(
                name: "IX_MatchDecisions_UploadId_State",
                table: "MatchDecisions",
                columns: new[] { "UploadId", "State" });

            // Rows already matched get their queue row, undecided, from the run each upload shows.
            migrationBuilder.Sql("""
                INSERT INTO "MatchDecisions" ("EntryId", "CompanyId", "UploadId", "RequestId", "RunId", "State", "Tier", "Score", "CandidateKind", "Revision")
                SELECT c."EntryId", c."CompanyId", e."UploadId", r."RequestId", c."RunId", 0, c."Tier", c."Score", CASE WHEN c."Tier" = 0 THEN NULL ELSE c."Kind" END, 0
                FROM "MatchCandidates" c
                JOIN "WorkListEntries" e ON e."Id" = c."EntryId"
                JOIN "WorkListUploads" u ON u."Id" = e."UploadId" AND u."MatchRunId" = c."RunId"
                JOIN "Responses" r ON r."Id" = u."ResponseId"
                WHERE c."Rank" = 1
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MatchDecisionChanges");

            migrationBuilder.DropTable(
                name: "MatchDecisions");
        }
    }
}
