using Microsoft.EntityFrameworkCore.Migrations;
using PartnerCenter.Infrastructure.Data;

#nullable disable

namespace PartnerCenter.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class ListOrderIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(PreregistrationListIndex.CreateSql("SqlServer"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($"DROP INDEX [{PreregistrationListIndex.Name}] ON [Preregistrations];");
        }
    }
}
