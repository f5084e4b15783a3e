using System.Linq;

namespace TenantGuard.Sql.Tests.Analysis
{
    /// <summary>
    /// Scripts written by dotnet ef migrations script: quoted PascalCase names kept as written, every statement of an
    /// idempotent script inside DO $EF$ … IF NOT EXISTS … THEN … END IF; END $EF$.
    /// </summary>
    public class EfMigrationScriptTests
    {
        private const string Idempotent = """
            CREATE TABLE IF NOT EXISTS "__EFMigrationsHistory" (
                "MigrationId" character varying(150) NOT NULL,
                "ProductVersion" character varying(32) NOT NULL,
                CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY ("MigrationId")
            );

            START TRANSACTION;
            DO $EF$
            BEGIN
                IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20240101000000_Initial') THEN
                CREATE TABLE "Orders" (
                    "Id" uuid NOT NULL,
                    "TenantId" uuid NOT NULL,
                    CONSTRAINT "PK_Orders" PRIMARY KEY ("Id")
                );
                END IF;
            END $EF$;

            DO $EF$
            BEGIN
                IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20240101000000_Initial') THEN
                CREATE TABLE "Countries" ("Code" text NOT NULL, CONSTRAINT "PK_Countries" PRIMARY KEY ("Code"));
                END IF;
            END $EF$;

            DO $EF$
            BEGIN
                IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20240102000000_Invoices') THEN
                CREATE TABLE "Invoices" ("Id" uuid NOT NULL);
                END IF;
            END $EF$;

            DO $EF$
            BEGIN
                IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20240102000000_Invoices') THEN
                ALTER TABLE "Invoices" ADD "TenantId" uuid NOT NULL DEFAULT '00000000-0000-0000-0000-000000000000';
                END IF;
            END $EF$;

            DO $EF$
            BEGIN
                IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20240102000000_Invoices') THEN
                INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
                VALUES ('20240102000000_Invoices', '9.0.0');
                END IF;
            END $EF$;
            COMMIT;
            """;

        [Fact]
        public void Idempotent_script_tables_are_read_with_their_quoted_names()
        {
            var result = MigrationSchemaReader.Read(Idempotent, "\"TenantId\"");
            Assert.Empty(result.Problems);
            Assert.Equal(new[] { "Invoices", "Orders" }, result.TenantTables.Select(t => t.Name).OrderBy(n => n));
            Assert.Contains(result.AllTables, t => t.Name == "__EFMigrationsHistory");
            Assert.Contains(result.AllTables, t => t.Name == "Countries");
        }

        [Fact]
        public void Unquoted_tenant_column_folds_and_does_not_match_a_quoted_pascal_case_column()
        {
            Assert.Empty(MigrationSchemaReader.Read(Idempotent, "TenantId").TenantTables);
            Assert.Empty(MigrationSchemaReader.Read(Idempotent, "tenant_id").TenantTables);
        }

        [Fact]
        public void Quoted_names_in_sql_match_only_as_written()
        {
            var schema = new TenantSchema("\"TenantId\"", new[] { new QualifiedName(null, "Orders") }, new QualifiedName[0]);
            Assert.Empty(TenantSqlChecker.Check("SELECT * FROM \"Orders\" o WHERE o.\"TenantId\" = @t", schema).Violations);
            Assert.Single(TenantSqlChecker.Check("SELECT * FROM \"Orders\" o WHERE o.TenantId = @t", schema).Violations);
            Assert.Empty(TenantSqlChecker.Check("SELECT * FROM Orders", schema).Violations);
        }

        [Fact]
        public void Plain_do_block_and_procedural_code_inside_are_not_problems()
        {
            var result = MigrationSchemaReader.Read(
                "DO $$ BEGIN CREATE TABLE notes (id int, tenant_id uuid); END $$;\n" +
                "DO $$ DECLARE n int; BEGIN FOR n IN 1..3 LOOP RAISE NOTICE '%', n; END LOOP; END $$;",
                "tenant_id");
            Assert.Empty(result.Problems);
            Assert.Equal("notes", Assert.Single(result.TenantTables).Name);
        }
    }
}
