using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DisclosurePortal.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class Companies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Invitations_TokenHash",
                table: "Invitations");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "InvitedAt",
                table: "Responses",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "OpenedAt",
                table: "Responses",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LinkOrigin",
                table: "Requests",
                type: "nvarchar(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReminderDays",
                table: "Requests",
                type: "nvarchar(50)",
                maxLength: 50,
                nullable: false,
                defaultValue: "7,3,1");

            migrationBuilder.AlterColumn<string>(
                name: "TokenHash",
                table: "Invitations",
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(64)",
                oldMaxLength: 64);

            migrationBuilder.AddColumn<bool>(
                name: "ByColleague",
                table: "Invitations",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "RequestId",
                table: "Invitations",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NormalizedName",
                table: "Companies",
                type: "nvarchar(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsLeadRespondent",
                table: "AspNetUsers",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "CompanyContacts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    CompanyId = table.Column<int>(type: "int", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Email = table.Column<string>(type: "nvarchar(254)", maxLength: 254, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CompanyContacts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CompanyContacts_Companies_CompanyId",
                        column: x => x.CompanyId,
                        principalTable: "Companies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // Each company's one contact address becomes its first contact before the column goes.
            migrationBuilder.Sql("""
                INSERT INTO [CompanyContacts] ([CompanyId], [Name], [Email], [CreatedAt])
                SELECT c.[Id], NULL, LOWER(LTRIM(RTRIM(c.[ContactEmail]))), c.[CreatedAt] FROM [Companies] c
                WHERE c.[ContactEmail] IS NOT NULL AND LEN(LTRIM(RTRIM(c.[ContactEmail]))) BETWEEN 3 AND 254
                  AND c.[Id] = (SELECT MIN(d.[Id]) FROM [Companies] d WHERE LOWER(LTRIM(RTRIM(d.[ContactEmail]))) = LOWER(LTRIM(RTRIM(c.[ContactEmail]))));
                """);

            migrationBuilder.DropColumn(
                name: "ContactEmail",
                table: "Companies");

            migrationBuilder.CreateTable(
                name: "MessageTemplates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    RequestId = table.Column<int>(type: "int", nullable: false),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    DaysBefore = table.Column<int>(type: "int", nullable: false),
                    Subject = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    Body = table.Column<string>(type: "nvarchar(max)", maxLength: 20000, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MessageTemplates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MessageTemplates_Requests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "Requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ResponseReminders",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ResponseId = table.Column<int>(type: "int", nullable: false),
                    CompanyId = table.Column<int>(type: "int", nullable: false),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    DaysBefore = table.Column<int>(type: "int", nullable: false),
                    DueAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    MessagesQueued = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResponseReminders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ResponseReminders_Responses_ResponseId",
                        column: x => x.ResponseId,
                        principalTable: "Responses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OutgoingMessages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    Status = table.Column<int>(type: "int", nullable: false),
                    ToAddress = table.Column<string>(type: "nvarchar(254)", maxLength: 254, nullable: false),
                    Subject = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    Body = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    LinkSlot = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    LinkBase = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: true),
                    CompanyId = table.Column<int>(type: "int", nullable: true),
                    RequestId = table.Column<int>(type: "int", nullable: true),
                    InvitationId = table.Column<int>(type: "int", nullable: true),
                    ReminderId = table.Column<long>(type: "bigint", nullable: true),
                    Attempts = table.Column<int>(type: "int", nullable: false),
                    NextAttemptAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    LeaseExpiresAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    LastError = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    CreatedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutgoingMessages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OutgoingMessages_Companies_CompanyId",
                        column: x => x.CompanyId,
                        principalTable: "Companies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_OutgoingMessages_Invitations_InvitationId",
                        column: x => x.InvitationId,
                        principalTable: "Invitations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_OutgoingMessages_Requests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "Requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_OutgoingMessages_ResponseReminders_ReminderId",
                        column: x => x.ReminderId,
                        principalTable: "ResponseReminders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Invitations_RequestId",
                table: "Invitations",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_Invitations_TokenHash",
                table: "Invitations",
                column: "TokenHash",
                unique: true,
                filter: "[TokenHash] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Companies_NormalizedName",
                table: "Companies",
                column: "NormalizedName",
                unique: true,
                filter: "[NormalizedName] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_CompanyContacts_CompanyId",
                table: "CompanyContacts",
                column: "CompanyId");

            migrationBuilder.CreateIndex(
                name: "IX_CompanyContacts_Email",
                table: "CompanyContacts",
                column: "Email",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MessageTemplates_RequestId_Kind_DaysBefore",
                table: "MessageTemplates",
                columns: new[] { "RequestId", "Kind", "DaysBefore" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutgoingMessages_CompanyId",
                table: "OutgoingMessages",
                column: "CompanyId");

            migrationBuilder.CreateIndex(
                name: "IX_OutgoingMessages_CreatedAt",
                table: "OutgoingMessages",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_OutgoingMessages_InvitationId",
                table: "OutgoingMessages",
                column: "InvitationId");

            migrationBuilder.CreateIndex(
                name: "IX_OutgoingMessages_ReminderId",
                table: "OutgoingMessages",
                column: "ReminderId");

            migrationBuilder.CreateIndex(
                name: "IX_OutgoingMessages_RequestId",
                table: "OutgoingMessages",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_OutgoingMessages_Status_NextAttemptAt",
                table: "OutgoingMessages",
                columns: new[] { "Status", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ResponseReminders_CompanyId",
                table: "ResponseReminders",
                column: "CompanyId");

            migrationBuilder.CreateIndex(
                name: "IX_ResponseReminders_ResponseId_Kind_DaysBefore",
                table: "ResponseReminders",
                columns: new[] { "ResponseId", "Kind", "DaysBefore" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_Invitations_Requests_RequestId",
                table: "Invitations",
                column: "RequestId",
                principalTable: "Requests",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Invitations_Requests_RequestId",
                table: "Invitations");

            migrationBuilder.DropTable(
                name: "CompanyContacts");

            migrationBuilder.DropTable(
                name: "MessageTemplates");

            migrationBuilder.DropTable(
                name: "OutgoingMessages");

            migrationBuilder.DropTable(
                name: "ResponseReminders");

            migrationBuilder.DropIndex(
                name: "IX_Invitations_RequestId",
                table: "Invitations");

            migrationBuilder.DropIndex(
                name: "IX_Invitations_TokenHash",
                table: "Invitations");

            migrationBuilder.DropIndex(
                name: "IX_Companies_NormalizedName",
                table: "Companies");

            migrationBuilder.DropColumn(
                name: "InvitedAt",
                table: "Responses");

            migrationBuilder.DropColumn(
                name: "OpenedAt",
                table: "Responses");

            migrationBuilder.DropColumn(
                name: "LinkOrigin",
                table: "Requests");

            migrationBuilder.DropColumn(
                name: "ReminderDays",
                table: "Requests");

            migrationBuilder.DropColumn(
                name: "ByColleague",
                table: "Invitations");

            migrationBuilder.DropColumn(
                name: "RequestId",
                table: "Invitations");

            migrationBuilder.DropColumn(
                name: "NormalizedName",
                table: "Companies");

            migrationBuilder.DropColumn(
                name: "IsLeadRespondent",
                table: "AspNetUsers");

            migrationBuilder.AlterColumn<string>(
                name: "TokenHash",
                table: "Invitations",
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "nvarchar(64)",
                oldMaxLength: 64,
                oldNullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ContactEmail",
                table: "Companies",
                type: "nvarchar(320)",
                maxLength: 320,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Invitations_TokenHash",
                table: "Invitations",
                column: "TokenHash",
                unique: true);
        }
    }
}
