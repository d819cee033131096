using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PartnerCenter.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class EndAssociation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "EndReason",
                table: "AssociationAttempts",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Ended",
                table: "AssociationAttempts",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "DisassociationRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CustomerAccountId = table.Column<int>(type: "integer", nullable: false),
                    PartnerId = table.Column<int>(type: "integer", nullable: false),
                    RequestedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    RequestedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Reason = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DecidedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    DeclineReason = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DisassociationRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DisassociationRequests_CustomerAccounts_CustomerAccountId",
                        column: x => x.CustomerAccountId,
                        principalTable: "CustomerAccounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DisassociationRequests_Partners_PartnerId",
                        column: x => x.PartnerId,
                        principalTable: "Partners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CustomerAccounts_AssociatedPartnerId_IsFrozen_AssociatedAt",
                table: "CustomerAccounts",
                columns: new[] { "AssociatedPartnerId", "IsFrozen", "AssociatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CustomerAccounts_AssociatedPartnerId_Name",
                table: "CustomerAccounts",
                columns: new[] { "AssociatedPartnerId", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_DisassociationRequests_CustomerAccountId_RequestedAt",
                table: "DisassociationRequests",
                columns: new[] { "CustomerAccountId", "RequestedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_DisassociationRequests_OnePending",
                table: "DisassociationRequests",
                column: "CustomerAccountId",
                unique: true,
                filter: "\"Status\" = 1");

            migrationBuilder.CreateIndex(
                name: "IX_DisassociationRequests_PartnerId_Status_RequestedAt",
                table: "DisassociationRequests",
                columns: new[] { "PartnerId", "Status", "RequestedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DisassociationRequests");

            migrationBuilder.DropIndex(
                name: "IX_CustomerAccounts_AssociatedPartnerId_IsFrozen_AssociatedAt",
                table: "CustomerAccounts");

            migrationBuilder.DropIndex(
                name: "IX_CustomerAccounts_AssociatedPartnerId_Name",
                table: "CustomerAccounts");

            migrationBuilder.DropColumn(
                name: "EndReason",
                table: "AssociationAttempts");

            migrationBuilder.DropColumn(
                name: "Ended",
                table: "AssociationAttempts");
        }
    }
}
