using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DisclosurePortal.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class CatalogRemovalAndKeySearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CatalogReleases_TitleKey_ArtistKey",
                table: "CatalogReleases");

            migrationBuilder.DropIndex(
                name: "IX_CatalogRecordings_TitleKey_ArtistKey",
                table: "CatalogRecordings");

            migrationBuilder.DropIndex(
                name: "IX_CatalogCompositions_TitleKey",
                table: "CatalogCompositions");

            migrationBuilder.AddColumn<bool>(
                name: "Complete",
                table: "CatalogVersions",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "RemovedInVersionId",
                table: "CatalogReleases",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "SeenInVersionId",
                table: "CatalogReleases",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "RemovedInVersionId",
                table: "CatalogRecordings",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "SeenInVersionId",
                table: "CatalogRecordings",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "RemovedInVersionId",
                table: "CatalogCompositions",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "SeenInVersionId",
                table: "CatalogCompositions",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_CatalogReleases_ArtistKey_RemovedInVersionId_TitleKey",
                table: "CatalogReleases",
                columns: new[] { "ArtistKey", "RemovedInVersionId", "TitleKey" });

            migrationBuilder.CreateIndex(
                name: "IX_CatalogReleases_TitleKey_ArtistKey_RemovedInVersionId",
                table: "CatalogReleases",
                columns: new[] { "TitleKey", "ArtistKey", "RemovedInVersionId" });

            migrationBuilder.CreateIndex(
                name: "IX_CatalogRecordings_ArtistKey_RemovedInVersionId_TitleKey",
                table: "CatalogRecordings",
                columns: new[] { "ArtistKey", "RemovedInVersionId", "TitleKey" });

            migrationBuilder.CreateIndex(
                name: "IX_CatalogRecordings_TitleKey_ArtistKey_RemovedInVersionId",
                table: "CatalogRecordings",
                columns: new[] { "TitleKey", "ArtistKey", "RemovedInVersionId" });

            migrationBuilder.CreateIndex(
                name: "IX_CatalogCompositions_TitleKey_RemovedInVersionId",
                table: "CatalogCompositions",
                columns: new[] { "TitleKey", "RemovedInVersionId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CatalogReleases_ArtistKey_RemovedInVersionId_TitleKey",
                table: "CatalogReleases");

            migrationBuilder.DropIndex(
                name: "IX_CatalogReleases_TitleKey_ArtistKey_RemovedInVersionId",
                table: "CatalogReleases");

            migrationBuilder.DropIndex(
                name: "IX_CatalogRecordings_ArtistKey_RemovedInVersionId_TitleKey",
                table: "CatalogRecordings");

            migrationBuilder.DropIndex(
                name: "IX_CatalogRecordings_TitleKey_ArtistKey_RemovedInVersionId",
                table: "CatalogRecordings");

            migrationBuilder.DropIndex(
                name: "IX_CatalogCompositions_TitleKey_RemovedInVersionId",
                table: "CatalogCompositions");

            migrationBuilder.DropColumn(
                name: "Complete",
                table: "CatalogVersions");

            migrationBuilder.DropColumn(
                name: "RemovedInVersionId",
                table: "CatalogReleases");

            migrationBuilder.DropColumn(
                name: "SeenInVersionId",
                table: "CatalogReleases");

            migrationBuilder.DropColumn(
                name: "RemovedInVersionId",
                table: "CatalogRecordings");

            migrationBuilder.DropColumn(
                name: "SeenInVersionId",
                table: "CatalogRecordings");

            migrationBuilder.DropColumn(
                name: "RemovedInVersionId",
                table: "CatalogCompositions");

            migrationBuilder.DropColumn(
                name: "SeenInVersionId",
                table: "CatalogCompositions");

            migrationBuilder.CreateIndex(
                name: "IX_CatalogReleases_TitleKey_ArtistKey",
                table: "CatalogReleases",
                columns: new[] { "TitleKey", "ArtistKey" });

            migrationBuilder.CreateIndex(
                name: "IX_CatalogRecordings_TitleKey_ArtistKey",
                table: "CatalogRecordings",
                columns: new[] { "TitleKey", "ArtistKey" });

            migrationBuilder.CreateIndex(
                name: "IX_CatalogCompositions_TitleKey",
                table: "CatalogCompositions",
                column: "TitleKey");
        }
    }
}
