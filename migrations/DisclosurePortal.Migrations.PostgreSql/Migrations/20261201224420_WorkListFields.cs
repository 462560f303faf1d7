using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace DisclosurePortal.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class WorkListFields : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ColumnMapping",
                table: "WorkListUploads",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Format",
                table: "WorkListUploads",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HeaderKey",
                table: "WorkListUploads",
                type: "character(32)",
                fixedLength: true,
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AccessMethod",
                table: "WorkListEntries",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Album",
                table: "WorkListEntries",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "AssetKind",
                table: "WorkListEntries",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Copies",
                table: "WorkListEntries",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Dataset",
                table: "WorkListEntries",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "DurationSeconds",
                table: "WorkListEntries",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Iswc",
                table: "WorkListEntries",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Model",
                table: "WorkListEntries",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Purpose",
                table: "WorkListEntries",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Retained",
                table: "WorkListEntries",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Upc",
                table: "WorkListEntries",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Year",
                table: "WorkListEntries",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CompanyColumnMappings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CompanyId = table.Column<int>(type: "integer", nullable: false),
                    HeaderKey = table.Column<string>(type: "character(32)", fixedLength: true, maxLength: 32, nullable: false),
                    Mapping = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    ConfirmedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CompanyColumnMappings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CompanyColumnMappings_Companies_CompanyId",
                        column: x => x.CompanyId,
                        principalTable: "Companies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CompanyColumnMappings_CompanyId_HeaderKey",
                table: "CompanyColumnMappings",
                columns: new[] { "CompanyId", "HeaderKey" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CompanyColumnMappings");

            migrationBuilder.DropColumn(
                name: "ColumnMapping",
                table: "WorkListUploads");

            migrationBuilder.DropColumn(
                name: "Format",
                table: "WorkListUploads");

            migrationBuilder.DropColumn(
                name: "HeaderKey",
                table: "WorkListUploads");

            migrationBuilder.DropColumn(
                name: "AccessMethod",
                table: "WorkListEntries");

            migrationBuilder.DropColumn(
                name: "Album",
                table: "WorkListEntries");

            migrationBuilder.DropColumn(
                name: "AssetKind",
                table: "WorkListEntries");

            migrationBuilder.DropColumn(
                name: "Copies",
                table: "WorkListEntries");

            migrationBuilder.DropColumn(
                name: "Dataset",
                table: "WorkListEntries");

            migrationBuilder.DropColumn(
                name: "DurationSeconds",
                table: "WorkListEntries");

            migrationBuilder.DropColumn(
                name: "Iswc",
                table: "WorkListEntries");

            migrationBuilder.DropColumn(
                name: "Model",
                table: "WorkListEntries");

            migrationBuilder.DropColumn(
                name: "Purpose",
                table: "WorkListEntries");

            migrationBuilder.DropColumn(
                name: "Retained",
                table: "WorkListEntries");

            migrationBuilder.DropColumn(
                name: "Upc",
                table: "WorkListEntries");

            migrationBuilder.DropColumn(
                name: "Year",
                table: "WorkListEntries");
        }
    }
}
