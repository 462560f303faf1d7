using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DisclosurePortal.Migrations.SqlServer.Migrations
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
                type: "nvarchar(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Format",
                table: "WorkListUploads",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HeaderKey",
                table: "WorkListUploads",
                type: "nchar(32)",
                fixedLength: true,
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AccessMethod",
                table: "WorkListEntries",
                type: "nvarchar(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Album",
                table: "WorkListEntries",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "AssetKind",
                table: "WorkListEntries",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Copies",
                table: "WorkListEntries",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Dataset",
                table: "WorkListEntries",
                type: "nvarchar(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "DurationSeconds",
                table: "WorkListEntries",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Iswc",
                table: "WorkListEntries",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Model",
                table: "WorkListEntries",
                type: "nvarchar(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Purpose",
                table: "WorkListEntries",
                type: "nvarchar(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Retained",
                table: "WorkListEntries",
                type: "nvarchar(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Upc",
                table: "WorkListEntries",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Year",
                table: "WorkListEntries",
                type: "int",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CompanyColumnMappings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    CompanyId = table.Column<int>(type: "int", nullable: false),
                    HeaderKey = table.Column<string>(type: "nchar(32)", fixedLength: true, maxLength: 32, nullable: false),
                    Mapping = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    ConfirmedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
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
