using Microsoft.EntityFrameworkCore.Migrations;
using PartnerCenter.Infrastructure.Data;

#nullable disable

namespace PartnerCenter.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class ListOrderIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(PreregistrationListIndex.CreateSql("PostgreSql"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($"DROP INDEX \"{PreregistrationListIndex.Name}\";");
        }
    }
}
