using Microsoft.EntityFrameworkCore.Migrations;
using PartnerCenter.Infrastructure.Data;

#nullable disable

namespace PartnerCenter.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ListOrderIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(PreregistrationListIndex.CreateSql("Sqlite"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($"DROP INDEX \"{PreregistrationListIndex.Name}\";");
        }
    }
}
