using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DisclosurePortal.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CandidateKinds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<long>(
                name: "CatalogRecordingId",
                table: "MatchCandidates",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(long),
                oldType: "INTEGER");

            migrationBuilder.AddColumn<long>(
                name: "CatalogCompositionId",
                table: "MatchCandidates",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "CatalogReleaseId",
                table: "MatchCandidates",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Kind",
                table: "MatchCandidates",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "IX_MatchCandidates_CatalogCompositionId",
                table: "MatchCandidates",
                column: "CatalogCompositionId");

            migrationBuilder.CreateIndex(
                name: "IX_MatchCandidates_CatalogReleaseId",
                table: "MatchCandidates",
                column: "CatalogReleaseId");

            migrationBuilder.AddForeignKey(
                name: "FK_MatchCandidates_CatalogCompositions_CatalogCompositionId",
                table: "MatchCandidates",
                column: "CatalogCompositionId",
                principalTable: "CatalogCompositions",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_MatchCandidates_CatalogReleases_CatalogReleaseId",
                table: "MatchCandidates",
                column: "CatalogReleaseId",
                principalTable: "CatalogReleases",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_MatchCandidates_CatalogCompositions_CatalogCompositionId",
                table: "MatchCandidates");

            migrationBuilder.DropForeignKey(
                name: "FK_MatchCandidates_CatalogReleases_CatalogReleaseId",
                table: "MatchCandidates");

            migrationBuilder.DropIndex(
                name: "IX_MatchCandidates_CatalogCompositionId",
                table: "MatchCandidates");

            migrationBuilder.DropIndex(
                name: "IX_MatchCandidates_CatalogReleaseId",
                table: "MatchCandidates");

            migrationBuilder.DropColumn(
                name: "CatalogCompositionId",
                table: "MatchCandidates");

            migrationBuilder.DropColumn(
                name: "CatalogReleaseId",
                table: "MatchCandidates");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "MatchCandidates");

            migrationBuilder.AlterColumn<long>(
                name: "CatalogRecordingId",
                table: "MatchCandidates",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L,
                oldClrType: typeof(long),
                oldType: "INTEGER",
                oldNullable: true);
        }
    }
}
