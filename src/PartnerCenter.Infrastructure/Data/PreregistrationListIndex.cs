namespace PartnerCenter.Infrastructure.Data;

/// <summary>
/// The Customer Development list's order as an index (<c>PreregistrationQueries.ByPreregisteredDate</c>: rows that
/// never were Preregistered last, then newest first), so a page is read in order from the index instead of sorting
/// every row of the partner; Status rides along, so Deleted rows and a status filter are decided from the index too.
/// It is an expression index, which EF Core cannot model: the ListOrderIndex migration of each provider runs this SQL.
/// SQL Server indexes no expressions and gets the plain columns.
/// </summary>
public static class PreregistrationListIndex
{
    public const string Name = "IX_Preregistrations_ListOrder";

    public static string CreateSql(string provider) => provider switch
    {
        "SqlServer" => $"CREATE INDEX [{Name}] ON [Preregistrations] ([PartnerId], [PreregisteredAt] DESC, [CreatedAt] DESC, [Id] DESC) INCLUDE ([Status]);",
        _ => $"CREATE INDEX \"{Name}\" ON \"Preregistrations\" (\"PartnerId\", (\"PreregisteredAt\" IS NULL), \"PreregisteredAt\" DESC, \"CreatedAt\" DESC, \"Id\" DESC, \"Status\");",
    };
}
