using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DisclosurePortal.Migrations.Sqlite.Migrations
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
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Format",
                table: "WorkListUploads",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HeaderKey",
                table: "WorkListUploads",
                type: "TEXT",
                fixedLength: true,
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AccessMethod",
                table: "WorkListEntries",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Album",
                table: "WorkListEntries",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "AssetKind",
                table: "WorkListEntries",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Copies",
                table: "WorkListEntries",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Dataset",
                table: "WorkListEntries",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "DurationSeconds",
                table: "WorkListEntries",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Iswc",
                table: "WorkListEntries",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Model",
                table: "WorkListEntries",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Purpose",
                table: "WorkListEntries",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Retained",
                table: "WorkListEntries",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Upc",
                table: "WorkListEntries",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Year",
                table: "WorkListEntries",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CompanyColumnMappings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CompanyId = table.Column<int>(type: "INTEGER", nullable: false),
                    HeaderKey = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 32, nullable: false),
                    Mapping = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ConfirmedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
