using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DisclosurePortal.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class Catalog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "CatalogVersionId",
                table: "CatalogRecordings",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "CompositionId",
                table: "CatalogRecordings",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CompositionSourceId",
                table: "CatalogRecordings",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ContentHash",
                table: "CatalogRecordings",
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FeaturedArtists",
                table: "CatalogRecordings",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Label",
                table: "CatalogRecordings",
                type: "nvarchar(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ReleaseDiscNumber",
                table: "CatalogRecordings",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReleaseSourceId",
                table: "CatalogRecordings",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ReleaseTrackNumber",
                table: "CatalogRecordings",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SourceId",
                table: "CatalogRecordings",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Version",
                table: "CatalogRecordings",
                type: "nvarchar(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CatalogVersions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Kind = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    FileName = table.Column<string>(type: "nvarchar(260)", maxLength: 260, nullable: false),
                    Sha256 = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    FinishedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    Rows = table.Column<int>(type: "int", nullable: false),
                    Added = table.Column<int>(type: "int", nullable: false),
                    Changed = table.Column<int>(type: "int", nullable: false),
                    Unchanged = table.Column<int>(type: "int", nullable: false),
                    Rejected = table.Column<int>(type: "int", nullable: false),
                    Removed = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CatalogVersions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CatalogCompositions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Iswc = table.Column<string>(type: "nvarchar(11)", maxLength: 11, nullable: true),
                    Title = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    TitleKey = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    LyricFirstLine = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    SourceId = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    ContentHash = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    CatalogVersionId = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CatalogCompositions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CatalogCompositions_CatalogVersions_CatalogVersionId",
                        column: x => x.CatalogVersionId,
                        principalTable: "CatalogVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CatalogReleases",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Gtin = table.Column<string>(type: "nvarchar(13)", maxLength: 13, nullable: false),
                    Title = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    Artist = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    TitleKey = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    ArtistKey = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    Label = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: true),
                    ReleaseDate = table.Column<DateOnly>(type: "date", nullable: true),
                    ReleaseYear = table.Column<int>(type: "int", nullable: true),
                    ArtworkReference = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    SourceId = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    ContentHash = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    CatalogVersionId = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CatalogReleases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CatalogReleases_CatalogVersions_CatalogVersionId",
                        column: x => x.CatalogVersionId,
                        principalTable: "CatalogVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CompositionWriters",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    CompositionId = table.Column<long>(type: "bigint", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    IpiNameNumber = table.Column<string>(type: "nvarchar(11)", maxLength: 11, nullable: true),
                    Role = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CompositionWriters", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CompositionWriters_CatalogCompositions_CompositionId",
                        column: x => x.CompositionId,
                        principalTable: "CatalogCompositions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReleaseTracks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ReleaseId = table.Column<long>(type: "bigint", nullable: false),
                    RecordingId = table.Column<long>(type: "bigint", nullable: false),
                    DiscNumber = table.Column<int>(type: "int", nullable: false),
                    TrackNumber = table.Column<int>(type: "int", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReleaseTracks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReleaseTracks_CatalogRecordings_RecordingId",
                        column: x => x.RecordingId,
                        principalTable: "CatalogRecordings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ReleaseTracks_CatalogReleases_ReleaseId",
                        column: x => x.ReleaseId,
                        principalTable: "CatalogReleases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CatalogRecordings_CatalogVersionId",
                table: "CatalogRecordings",
                column: "CatalogVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_CatalogRecordings_CompositionId",
                table: "CatalogRecordings",
                column: "CompositionId");

            migrationBuilder.CreateIndex(
                name: "IX_CatalogRecordings_CompositionSourceId",
                table: "CatalogRecordings",
                column: "CompositionSourceId");

            migrationBuilder.CreateIndex(
                name: "IX_CatalogRecordings_ReleaseSourceId",
                table: "CatalogRecordings",
                column: "ReleaseSourceId");

            migrationBuilder.CreateIndex(
                name: "IX_CatalogCompositions_CatalogVersionId",
                table: "CatalogCompositions",
                column: "CatalogVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_CatalogCompositions_Iswc",
                table: "CatalogCompositions",
                column: "Iswc",
                unique: true,
                filter: "[Iswc] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_CatalogCompositions_SourceId",
                table: "CatalogCompositions",
                column: "SourceId");

            migrationBuilder.CreateIndex(
                name: "IX_CatalogCompositions_TitleKey",
                table: "CatalogCompositions",
                column: "TitleKey");

            migrationBuilder.CreateIndex(
                name: "IX_CatalogReleases_CatalogVersionId",
                table: "CatalogReleases",
                column: "CatalogVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_CatalogReleases_Gtin",
                table: "CatalogReleases",
                column: "Gtin",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CatalogReleases_SourceId",
                table: "CatalogReleases",
                column: "SourceId");

            migrationBuilder.CreateIndex(
                name: "IX_CatalogReleases_TitleKey_ArtistKey",
                table: "CatalogReleases",
                columns: new[] { "TitleKey", "ArtistKey" });

            migrationBuilder.CreateIndex(
                name: "IX_CatalogVersions_StartedAt",
                table: "CatalogVersions",
                column: "StartedAt");

            migrationBuilder.CreateIndex(
                name: "IX_CompositionWriters_CompositionId",
                table: "CompositionWriters",
                column: "CompositionId");

            migrationBuilder.CreateIndex(
                name: "IX_CompositionWriters_IpiNameNumber",
                table: "CompositionWriters",
                column: "IpiNameNumber");

            migrationBuilder.CreateIndex(
                name: "IX_ReleaseTracks_RecordingId",
                table: "ReleaseTracks",
                column: "RecordingId");

            migrationBuilder.CreateIndex(
                name: "IX_ReleaseTracks_ReleaseId_RecordingId",
                table: "ReleaseTracks",
                columns: new[] { "ReleaseId", "RecordingId" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_CatalogRecordings_CatalogCompositions_CompositionId",
                table: "CatalogRecordings",
                column: "CompositionId",
                principalTable: "CatalogCompositions",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "FK_CatalogRecordings_CatalogVersions_CatalogVersionId",
                table: "CatalogRecordings",
                column: "CatalogVersionId",
                principalTable: "CatalogVersions",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_CatalogRecordings_CatalogCompositions_CompositionId",
                table: "CatalogRecordings");

            migrationBuilder.DropForeignKey(
                name: "FK_CatalogRecordings_CatalogVersions_CatalogVersionId",
                table: "CatalogRecordings");

            migrationBuilder.DropTable(
                name: "CompositionWriters");

            migrationBuilder.DropTable(
                name: "ReleaseTracks");

            migrationBuilder.DropTable(
                name: "CatalogCompositions");

            migrationBuilder.DropTable(
                name: "CatalogReleases");

            migrationBuilder.DropTable(
                name: "CatalogVersions");

            migrationBuilder.DropIndex(
                name: "IX_CatalogRecordings_CatalogVersionId",
                table: "CatalogRecordings");

            migrationBuilder.DropIndex(
                name: "IX_CatalogRecordings_CompositionId",
                table: "CatalogRecordings");

            migrationBuilder.DropIndex(
                name: "IX_CatalogRecordings_CompositionSourceId",
                table: "CatalogRecordings");

            migrationBuilder.DropIndex(
                name: "IX_CatalogRecordings_ReleaseSourceId",
                table: "CatalogRecordings");

            migrationBuilder.DropColumn(
                name: "CatalogVersionId",
                table: "CatalogRecordings");

            migrationBuilder.DropColumn(
                name: "CompositionId",
                table: "CatalogRecordings");

            migrationBuilder.DropColumn(
                name: "CompositionSourceId",
                table: "CatalogRecordings");

            migrationBuilder.DropColumn(
                name: "ContentHash",
                table: "CatalogRecordings");

            migrationBuilder.DropColumn(
                name: "FeaturedArtists",
                table: "CatalogRecordings");

            migrationBuilder.DropColumn(
                name: "Label",
                table: "CatalogRecordings");

            migrationBuilder.DropColumn(
                name: "ReleaseDiscNumber",
                table: "CatalogRecordings");

            migrationBuilder.DropColumn(
                name: "ReleaseSourceId",
                table: "CatalogRecordings");

            migrationBuilder.DropColumn(
                name: "ReleaseTrackNumber",
                table: "CatalogRecordings");

            migrationBuilder.DropColumn(
                name: "SourceId",
                table: "CatalogRecordings");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "CatalogRecordings");
        }
    }
}
