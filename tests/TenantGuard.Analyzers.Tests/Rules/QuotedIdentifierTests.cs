using TenantGuard.Analyzers.Tests.Infrastructure;
using Verify = TenantGuard.Analyzers.Tests.Infrastructure.AnalyzerTest<TenantGuard.Analyzers.Rules.TG0002QueryWithoutTenantFilter>;

namespace TenantGuard.Analyzers.Tests.Rules;

/// <summary>
/// PostgreSQL's identifier rules for configuration, migrations and SQL alike: quoted names are exact, unquoted ones fold
/// to lower case. EF Core's default naming ("Orders", "TenantId") written by dotnet ef migrations script --idempotent.
/// </summary>
public sealed class QuotedIdentifierTests
{
    private const string EfScript = """
        CREATE TABLE IF NOT EXISTS "__EFMigrationsHistory" (
            "MigrationId" character varying(150) NOT NULL,
            "ProductVersion" character varying(32) NOT NULL,
            CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY ("MigrationId")
        );

        START TRANSACTION;
        DO $EF$
        BEGIN
            IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20240101000000_Initial') THEN
            CREATE TABLE "Orders" ("Id" uuid NOT NULL, "TenantId" uuid NOT NULL, "Total" numeric NOT NULL,
                CONSTRAINT "PK_Orders" PRIMARY KEY ("Id"));
            END IF;
        END $EF$;

        DO $EF$
        BEGIN
            IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20240101000000_Initial') THEN
            CREATE TABLE "Countries" ("Code" text NOT NULL, "Name" text NOT NULL);
            END IF;
        END $EF$;

        DO $EF$
        BEGIN
            IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20240101000000_Initial') THEN
            INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion") VALUES ('20240101000000_Initial', '9.0.0');
            END IF;
        END $EF$;
        COMMIT;
        """;

    private const string QuotedColumn = "tenantguard.tenant_column = \"TenantId\"\n";

    [Fact]
    public Task Quoted_tenant_column_matches_ef_core_pascal_case() => Verify.VerifyAsync(Code.Dapper("""
            public IEnumerable<dynamic> A(Guid t) => connection.Query("SELECT * FROM \"Orders\" o WHERE o.\"TenantId\" = @t", new { t });
            public IEnumerable<dynamic> B() => connection.Query("SELECT \"Name\" FROM \"Countries\"");
            public IEnumerable<dynamic> C() => connection.Query({|TG0002:"SELECT * FROM \"Orders\""|});
            public IEnumerable<dynamic> D(Guid t) => connection.Query({|TG0002:"SELECT * FROM \"Orders\" o WHERE o.TenantId = @t"|}, new { t });
        """), EfScript, QuotedColumn);

    [Fact]
    public Task Unquoted_configuration_folds_to_lower_case() => Verify.VerifyAsync(Code.Dapper("""
            public IEnumerable<dynamic> A(Guid t) => connection.Query("SELECT * FROM \"Orders\" o WHERE o.\"TenantId\" = @t", new { t });
            public IEnumerable<dynamic> B() => connection.Query("SELECT * FROM \"Orders\"");
        """), EfScript, "tenantguard.tenant_column = TenantId\ntenantguard.global_tables = \"Countries\"\n");

    [Fact]
    public Task Quoted_table_lists_are_exact() => Verify.VerifyAsync(Code.Dapper("""
            public IEnumerable<dynamic> A() => connection.Query({|TG0002:"SELECT * FROM \"Invoices\""|});
            public IEnumerable<dynamic> B() => connection.Query("SELECT * FROM invoices");
            public IEnumerable<dynamic> C() => connection.Query({|TG0002:"SELECT * FROM payments"|});
            public IEnumerable<dynamic> D() => connection.Query("SELECT * FROM \"Payments\"");
        """), migrations: null, editorConfig: QuotedColumn + "tenantguard.tenant_tables = \"Invoices\", Payments\n");
}
