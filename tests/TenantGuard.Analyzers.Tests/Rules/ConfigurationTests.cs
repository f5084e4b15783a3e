using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using TenantGuard.Analyzers.Tests.Infrastructure;
using Verify = TenantGuard.Analyzers.Tests.Infrastructure.AnalyzerTest<TenantGuard.Analyzers.Rules.ConfigurationAnalyzer>;

namespace TenantGuard.Analyzers.Tests.Rules;

/// <summary>TG0900–TG0902: what TenantGuard says about its own configuration.</summary>
public sealed class ConfigurationTests
{
    private static readonly string Source = Code.Dapper("""
            public int Count(Guid tenantId) => connection.ExecuteScalar<int>("SELECT count(*) FROM orders WHERE tenant_id = @tenantId", new { tenantId });
        """);

    private static Verify Test(string? migrations, string? editorConfig = null)
    {
        var test = new Verify(Source, migrations, editorConfig);
        test.TestBehaviors |= TestBehaviors.SkipGeneratedCodeCheck | TestBehaviors.SkipSuppressionCheck;
        return test;
    }

    [Fact]
    public Task No_schema_is_reported_once()
    {
        var test = Test(migrations: null);
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.TG0900));
        return test.RunAsync();
    }

    [Fact]
    public Task Schema_from_migrations_or_editorconfig_is_enough()
    {
        return Task.WhenAll(Test(Migrations.Default).RunAsync(), Test(null, "tenantguard.tenant_tables = orders\n").RunAsync());
    }

    [Fact]
    public Task A_tenant_column_no_migration_declares_is_reported()
    {
        // EF Core's PascalCase column, configured unquoted: it folds to tenantid, which no table has.
        const string pascal = "CREATE TABLE \"Orders\" (\"Id\" uuid PRIMARY KEY, \"TenantId\" uuid NOT NULL);";
        var unquoted = Test(pascal, "tenantguard.tenant_column = TenantId\n");
        unquoted.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.TG0903).WithArguments(1, "tenantid"));
        var quoted = Test(pascal, "tenantguard.tenant_column = \"TenantId\"\n");
        var listed = Test(pascal, "tenantguard.tenant_column = team_id\ntenantguard.tenant_tables = orders\n");
        return Task.WhenAll(unquoted.RunAsync(), quoted.RunAsync(), listed.RunAsync());
    }

    [Fact]
    public Task Projects_without_data_access_get_no_schema_warning()
    {
        var test = new Verify("public sealed class Plain { public int Two() => 2; }", migrations: null);
        test.TestState.AdditionalReferences.Clear();
        test.TestState.AdditionalReferences.AddRange(TestReferences.Framework);
        return test.RunAsync();
    }

    [Fact]
    public Task Unreadable_migration_names_file_and_line()
    {
        var test = Test(Migrations.Default);
        test.TestState.AdditionalFiles.Add(("/0/db/migrations/002_broken.sql", "CREATE TABLE invoices (id uuid, tenant_id uuid);\nSELECT 'never closed\n"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.TG0901)
            .WithSpan("/0/db/migrations/002_broken.sql", 2, 8, 2, 8)
            .WithMessageFormat("{0}({1},{2}): {3} TenantGuard ignores the tables declared in this file until it is fixed")
            .WithArguments("/0/db/migrations/002_broken.sql", 2, 8, MessageOf("CREATE TABLE invoices (id uuid, tenant_id uuid);\nSELECT 'never closed\n")));
        return test.RunAsync();
    }

    [Fact]
    public Task Bad_editorconfig_values_name_key_and_value()
    {
        var test = Test(Migrations.Default,
            "tenantguard.tenant_column = tenant id\ntenantguard.exempt_test_projects = maybe\ntenantguard.tenant_tables = orders, a.b.c\ntenantguard.tenant_parameter_names = tenant-id\n");
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.TG0902).WithArguments("tenantguard.tenant_column", "tenant id", "expected one column name such as tenant_id or \"TenantId\""));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.TG0902).WithArguments("tenantguard.exempt_test_projects", "maybe", "expected true or false"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.TG0902).WithArguments("tenantguard.tenant_tables", "orders, a.b.c", "'a.b.c' is not a table name (expected name or schema.name, comma-separated)"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.TG0902).WithArguments("tenantguard.tenant_parameter_names", "tenant-id", "'tenant-id' is not a C# name (expected a comma-separated list of names)"));
        return test.RunAsync();
    }

    [Fact]
    public Task Bad_sql_sinks_entry_is_reported()
    {
        var test = Test(Migrations.Default, "tenantguard.sql_sinks = MyCompany.Data.Db.Query, Query, MyCompany.Db.Run(sql\n");
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.TG0902).WithArguments(
            "tenantguard.sql_sinks", "MyCompany.Data.Db.Query, Query, MyCompany.Db.Run(sql",
            "'Query' is not a method (expected Namespace.Type.Method or Namespace.Type.Method(sqlParameter), comma-separated)"));
        return test.RunAsync();
    }

    [Fact]
    public Task T_sql_migrations_are_skipped_with_one_diagnostic()
    {
        const string tsql = "CREATE TABLE [dbo].[Orders] ([Id] INT IDENTITY(1,1) NOT NULL, [TenantId] UNIQUEIDENTIFIER NOT NULL)\nGO\nCREATE INDEX [IX_Orders] ON [dbo].[Orders] ([TenantId])\nGO\n";
        var test = Test(Migrations.Default);
        test.TestState.AdditionalFiles.Add(("/0/db/sqlserver/001_orders.sql", tsql));
        test.TestState.AdditionalFiles.Add(("/0/db/sqlserver/002_lines.sql", "CREATE TABLE Lines (Id int)\ngo\nALTER TABLE Lines ADD Sku nvarchar(20)\nGO"));
        test.TestState.AdditionalFiles.Add(("/0/db/sqlserver/003_more.sql", "ALTER TABLE [Lines] ADD [Qty] int;"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.TG0901)
            .WithSpan("/0/db/sqlserver/001_orders.sql", 1, 1, 1, 1)
            .WithArguments("/0/db/sqlserver/001_orders.sql", 1, 1,
                "The file is not PostgreSQL (T-SQL: [dbo] schema name) (and 2 more such files); it was skipped without being read. Remove files for other databases from the *.sql AdditionalFiles."));
        return test.RunAsync();
    }

    [Fact]
    public void Postgres_files_are_not_taken_for_another_dialect()
    {
        Assert.Null(TenantGuard.Analyzers.Schema.NonPostgresMigration.DialectOf(
            "CREATE TABLE orders (tags text[], go_live date, good int);\nSELECT tags[1] FROM orders; -- GO on\nCREATE TABLE \"GO\" (id int);"));
        Assert.Equal("T-SQL: GO batch separator", TenantGuard.Analyzers.Schema.NonPostgresMigration.DialectOf("SELECT 1\r\n  go  \r\nSELECT 2"));
    }

    [Fact]
    public void A_MySQL_dump_is_another_dialect()
    {
        Assert.Equal("MySQL: `backtick` table name", TenantGuard.Analyzers.Schema.NonPostgresMigration.DialectOf(
            "-- phpMyAdmin SQL Dump\nSET SQL_MODE = \"NO_AUTO_VALUE_ON_ZERO\";\nCREATE TABLE `orders` (\n  `id` char(36) NOT NULL\n) ENGINE=InnoDB;"));
    }

    private static string MessageOf(string sql) => TenantGuard.Sql.MigrationSchemaReader.Read(sql, "tenant_id").Problems[0].Message;
}
