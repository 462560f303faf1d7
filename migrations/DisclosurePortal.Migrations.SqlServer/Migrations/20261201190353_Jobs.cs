using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DisclosurePortal.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class Jobs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WorkListEntries_UploadId_LineNumber",
                table: "WorkListEntries");

            migrationBuilder.AddColumn<long>(
                name: "MatchRunId",
                table: "WorkListUploads",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Rank",
                table: "MatchCandidates",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "RunId",
                table: "MatchCandidates",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateTable(
                name: "BackgroundJobs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    TargetId = table.Column<long>(type: "bigint", nullable: false),
                    CompanyId = table.Column<int>(type: "int", nullable: true),
                    State = table.Column<int>(type: "int", nullable: false),
                    Attempts = table.Column<int>(type: "int", nullable: false),
                    AvailableAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    LeaseOwner = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    LeaseExpiresAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    Checkpoint = table.Column<long>(type: "bigint", nullable: false),
                    Done = table.Column<long>(type: "bigint", nullable: false),
                    Total = table.Column<long>(type: "bigint", nullable: true),
                    RatePerSecond = table.Column<double>(type: "float", nullable: true),
                    QueuedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    FinishedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    LastError = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    UserMessage = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BackgroundJobs", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_WorkListUploads_MatchRunId",
                table: "WorkListUploads",
                column: "MatchRunId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkListEntries_UploadId_LineNumber",
                table: "WorkListEntries",
                columns: new[] { "UploadId", "LineNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MatchCandidates_RunId_EntryId_Rank",
                table: "MatchCandidates",
                columns: new[] { "RunId", "EntryId", "Rank" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BackgroundJobs_CompanyId",
                table: "BackgroundJobs",
                column: "CompanyId");

            migrationBuilder.CreateIndex(
                name: "IX_BackgroundJobs_Kind_TargetId",
                table: "BackgroundJobs",
                columns: new[] { "Kind", "TargetId" });

            migrationBuilder.CreateIndex(
                name: "IX_BackgroundJobs_OneActivePerTarget",
                table: "BackgroundJobs",
                columns: new[] { "Kind", "TargetId" },
                unique: true,
                filter: "\"State\" < 2");

            migrationBuilder.CreateIndex(
                name: "IX_BackgroundJobs_State_AvailableAt",
                table: "BackgroundJobs",
                columns: new[] { "State", "AvailableAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BackgroundJobs");

            migrationBuilder.DropIndex(
                name: "IX_WorkListUploads_MatchRunId",
                table: "WorkListUploads");

            migrationBuilder.DropIndex(
                name: "IX_WorkListEntries_UploadId_LineNumber",
                table: "WorkListEntries");

            migrationBuilder.DropIndex(
                name: "IX_MatchCandidates_RunId_EntryId_Rank",
                table: "MatchCandidates");

            migrationBuilder.DropColumn(
                name: "MatchRunId",
                table: "WorkListUploads");

            migrationBuilder.DropColumn(
                name: "Rank",
                table: "MatchCandidates");

            migrationBuilder.DropColumn(
                name: "RunId",
                table: "MatchCandidates");

            migrationBuilder.CreateIndex(
                name: "IX_WorkListEntries_UploadId_LineNumber",
                table: "WorkListEntries",
                columns: new[] { "UploadId", "LineNumber" });
        }
    }
}
