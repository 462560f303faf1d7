using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DisclosurePortal.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class Answers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "RowFingerprint",
                table: "WorkListEntries",
                type: "nchar(32)",
                fixedLength: true,
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RowKey",
                table: "WorkListEntries",
                type: "nchar(32)",
                fixedLength: true,
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DraftAnswersJson",
                table: "Responses",
                type: "nvarchar(max)",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "DraftSavedAt",
                table: "Responses",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ExtensionStatus",
                table: "Responses",
                type: "nvarchar(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "FirstSubmittedAt",
                table: "Responses",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "LastSubmissionLate",
                table: "Responses",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "LastSubmittedAt",
                table: "Responses",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SubmittedVersions",
                table: "Responses",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "RefuseLateSubmissions",
                table: "Requests",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "ExtensionRequests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ResponseId = table.Column<int>(type: "int", nullable: false),
                    CompanyId = table.Column<int>(type: "int", nullable: false),
                    RequestedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    RequestedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    DueAtWhenRequested = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    WishedDueAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    DecidedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    GrantedDueAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    DecisionComment = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExtensionRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExtensionRequests_Responses_ResponseId",
                        column: x => x.ResponseId,
                        principalTable: "Responses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ResponseAttachments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ResponseId = table.Column<int>(type: "int", nullable: false),
                    CompanyId = table.Column<int>(type: "int", nullable: false),
                    FileName = table.Column<string>(type: "nvarchar(260)", maxLength: 260, nullable: false),
                    StoredName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    SizeBytes = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    UploadedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    UploadedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResponseAttachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ResponseAttachments_Responses_ResponseId",
                        column: x => x.ResponseId,
                        principalTable: "Responses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ResponseVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ResponseId = table.Column<int>(type: "int", nullable: false),
                    CompanyId = table.Column<int>(type: "int", nullable: false),
                    Number = table.Column<int>(type: "int", nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    SubmittedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    DueAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    IsLate = table.Column<bool>(type: "bit", nullable: false),
                    ContentUse = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    AnswersJson = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    SignatoryName = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    SignatoryTitle = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    AttestationText = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    Digest = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Works = table.Column<int>(type: "int", nullable: false),
                    WorksAdded = table.Column<int>(type: "int", nullable: false),
                    WorksRemoved = table.Column<int>(type: "int", nullable: false),
                    WorksChanged = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResponseVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ResponseVersions_Responses_ResponseId",
                        column: x => x.ResponseId,
                        principalTable: "Responses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ResponseVersionUploads",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    VersionId = table.Column<int>(type: "int", nullable: false),
                    UploadId = table.Column<int>(type: "int", nullable: false),
                    CompanyId = table.Column<int>(type: "int", nullable: false),
                    FileName = table.Column<string>(type: "nvarchar(260)", maxLength: 260, nullable: false),
                    SizeBytes = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    RowsAccepted = table.Column<int>(type: "int", nullable: false),
                    RowsRejected = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResponseVersionUploads", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ResponseVersionUploads_ResponseVersions_VersionId",
                        column: x => x.VersionId,
                        principalTable: "ResponseVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ResponseVersionUploads_WorkListUploads_UploadId",
                        column: x => x.UploadId,
                        principalTable: "WorkListUploads",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_WorkListEntries_RowKey_UploadId_RowFingerprint",
                table: "WorkListEntries",
                columns: new[] { "RowKey", "UploadId", "RowFingerprint" });

            migrationBuilder.CreateIndex(
                name: "IX_ExtensionRequests_CompanyId",
                table: "ExtensionRequests",
                column: "CompanyId");

            migrationBuilder.CreateIndex(
                name: "IX_ExtensionRequests_ResponseId_RequestedAt",
                table: "ExtensionRequests",
                columns: new[] { "ResponseId", "RequestedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ExtensionRequests_Status_RequestedAt",
                table: "ExtensionRequests",
                columns: new[] { "Status", "RequestedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ResponseAttachments_CompanyId",
                table: "ResponseAttachments",
                column: "CompanyId");

            migrationBuilder.CreateIndex(
                name: "IX_ResponseAttachments_ResponseId",
                table: "ResponseAttachments",
                column: "ResponseId");

            migrationBuilder.CreateIndex(
                name: "IX_ResponseVersions_CompanyId",
                table: "ResponseVersions",
                column: "CompanyId");

            migrationBuilder.CreateIndex(
                name: "IX_ResponseVersions_ResponseId_Number",
                table: "ResponseVersions",
                columns: new[] { "ResponseId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ResponseVersionUploads_CompanyId",
                table: "ResponseVersionUploads",
                column: "CompanyId");

            migrationBuilder.CreateIndex(
                name: "IX_ResponseVersionUploads_UploadId",
                table: "ResponseVersionUploads",
                column: "UploadId");

            migrationBuilder.CreateIndex(
                name: "IX_ResponseVersionUploads_VersionId_UploadId",
                table: "ResponseVersionUploads",
                columns: new[] { "VersionId", "UploadId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ExtensionRequests");

            migrationBuilder.DropTable(
                name: "ResponseAttachments");

            migrationBuilder.DropTable(
                name: "ResponseVersionUploads");

            migrationBuilder.DropTable(
                name: "ResponseVersions");

            migrationBuilder.DropIndex(
                name: "IX_WorkListEntries_RowKey_UploadId_RowFingerprint",
                table: "WorkListEntries");

            migrationBuilder.DropColumn(
                name: "RowFingerprint",
                table: "WorkListEntries");

            migrationBuilder.DropColumn(
                name: "RowKey",
                table: "WorkListEntries");

            migrationBuilder.DropColumn(
                name: "DraftAnswersJson",
                table: "Responses");

            migrationBuilder.DropColumn(
                name: "DraftSavedAt",
                table: "Responses");

            migrationBuilder.DropColumn(
                name: "ExtensionStatus",
                table: "Responses");

            migrationBuilder.DropColumn(
                name: "FirstSubmittedAt",
                table: "Responses");

            migrationBuilder.DropColumn(
                name: "LastSubmissionLate",
                table: "Responses");

            migrationBuilder.DropColumn(
                name: "LastSubmittedAt",
                table: "Responses");

            migrationBuilder.DropColumn(
                name: "SubmittedVersions",
                table: "Responses");

            migrationBuilder.DropColumn(
                name: "RefuseLateSubmissions",
                table: "Requests");
        }
    }
}
