namespace TenantGuard.Analyzers.Tests.Infrastructure;

/// <summary>Small wrappers that put test members into a compilable file with the usual data-access usings.</summary>
internal static class Code
{
    public const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Data;
        using System.Linq;
        using System.Threading.Tasks;
        using Dapper;
        using Npgsql;
        using Microsoft.EntityFrameworkCore;

        """;

    public const string EfModel = """

        public sealed class Order { public Guid Id { get; set; } public Guid TenantId { get; set; } public decimal Total { get; set; } }
        public sealed class Country { public string Code { get; set; } = ""; public string Name { get; set; } = ""; }
        public sealed class ShopContext(DbContextOptions<ShopContext> options) : DbContext(options)
        {
            public DbSet<Order> Orders => Set<Order>();
            public DbSet<Country> Countries => Set<Country>();
        }
        """;

    /// <summary>A Dapper repository over IDbConnection (primary constructor).</summary>
    public static string Dapper(string members) =>
        Usings + "public sealed class OrderRepository(IDbConnection connection)\n{\n" + members + "\n}\n";

    /// <summary>An Npgsql repository over NpgsqlConnection / NpgsqlDataSource.</summary>
    public static string Npgsql(string members) =>
        Usings + "public sealed class OrderStore(NpgsqlConnection connection, NpgsqlDataSource dataSource)\n{\n" + members + "\n}\n";

    /// <summary>An EF Core repository over ShopContext.</summary>
    public static string Ef(string members) =>
        Usings + "public sealed class OrderQueries(ShopContext db)\n{\n" + members + "\n}\n" + EfModel;
}
