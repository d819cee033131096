using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace PartnerCenter.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class ClaimLifecycle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Preregistrations_OpenClaim",
                table: "Preregistrations");

            migrationBuilder.AddColumn<bool>(
                name: "ExtensionApproved",
                table: "Preregistrations",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ExtensionDeclineReason",
                table: "Preregistrations",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ExtensionReason",
                table: "Preregistrations",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ExtensionRequestedAt",
                table: "Preregistrations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReturnComment",
                table: "Preregistrations",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ReturnCount",
                table: "Preregistrations",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ReturnFields",
                table: "Preregistrations",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "ReturnedAt",
                table: "Preregistrations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DeclineReason",
                table: "Invitations",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "DeclinedAt",
                table: "Invitations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "ClaimReminderEmailOff",
                table: "AspNetUsers",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "ClaimReminders",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PreregistrationId = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnerId = table.Column<int>(type: "integer", nullable: false),
                    DaysBefore = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClaimReminders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ClaimReminders_Preregistrations_PreregistrationId",
                        column: x => x.PreregistrationId,
                        principalTable: "Preregistrations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Preregistrations_OpenClaim",
                table: "Preregistrations",
                column: "CustomerEmail",
                unique: true,
                filter: "\"Status\" IN (1, 2, 8, 9)");

            migrationBuilder.CreateIndex(
                name: "IX_ClaimReminders_PreregistrationId_DaysBefore",
                table: "ClaimReminders",
                columns: new[] { "PreregistrationId", "DaysBefore" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ClaimReminders");

            migrationBuilder.DropIndex(
                name: "IX_Preregistrations_OpenClaim",
                table: "Preregistrations");

            migrationBuilder.DropColumn(
                name: "ExtensionApproved",
                table: "Preregistrations");

            migrationBuilder.DropColumn(
                name: "ExtensionDeclineReason",
                table: "Preregistrations");

            migrationBuilder.DropColumn(
                name: "ExtensionReason",
                table: "Preregistrations");

            migrationBuilder.DropColumn(
                name: "ExtensionRequestedAt",
                table: "Preregistrations");

            migrationBuilder.DropColumn(
                name: "ReturnComment",
                table: "Preregistrations");

            migrationBuilder.DropColumn(
                name: "ReturnCount",
                table: "Preregistrations");

            migrationBuilder.DropColumn(
                name: "ReturnFields",
                table: "Preregistrations");

            migrationBuilder.DropColumn(
                name: "ReturnedAt",
                table: "Preregistrations");

            migrationBuilder.DropColumn(
                name: "DeclineReason",
                table: "Invitations");

            migrationBuilder.DropColumn(
                name: "DeclinedAt",
                table: "Invitations");

            migrationBuilder.DropColumn(
                name: "ClaimReminderEmailOff",
                table: "AspNetUsers");

            migrationBuilder.CreateIndex(
                name: "IX_Preregistrations_OpenClaim",
                table: "Preregistrations",
                column: "CustomerEmail",
                unique: true,
                filter: "\"Status\" IN (1, 2)");
        }
    }
}
