using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PartnerCenter.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class InvitationsByPartner : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
