using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DisclosurePortal.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CatalogRemovalAndArtistSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Complete",
                table: "CatalogVersions",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "RemovedInVersionId",
                table: "CatalogReleases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "SeenInVersionId",
                table: "CatalogReleases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "RemovedInVersionId",
                table: "CatalogRecordings",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "SeenInVersionId",
                table: "CatalogRecordings",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "RemovedInVersionId",
                table: "CatalogCompositions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "SeenInVersionId",
                table: "CatalogCompositions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_CatalogReleases_ArtistKey",
                table: "CatalogReleases",
                column: "ArtistKey");

            migrationBuilder.CreateIndex(
                name: "IX_CatalogRecordings_ArtistKey",
                table: "CatalogRecordings",
                column: "ArtistKey");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CatalogReleases_ArtistKey",
                table: "CatalogReleases");

            migrationBuilder.DropIndex(
                name: "IX_CatalogRecordings_ArtistKey",
                table: "CatalogRecordings");

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
        }
    }
}
