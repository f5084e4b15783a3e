using System.Linq;

namespace TenantGuard.Sql.Tests.Seeds
{
    /// <summary>What the reader says about every SQL snippet in the five teams' write-ups.</summary>
    public class SeedSnippetTests
    {
        private static readonly TenantSchema TeamSchema = new TenantSchema(
            "team_id",
            new[] { "clients", "events", "tasks", "emails", "rooms", "products", "offers", "offer_line_items" }.Select(QualifiedName.Parse),
            new QualifiedName[0]);

        private static readonly TenantSchema CmsSchema = new TenantSchema(
            "tenant_id",
            new[] { "webpages_pagetheme", "webpages_webpage", "content_namespace", "content_category", "content_tag" }.Select(QualifiedName.Parse),
            new QualifiedName[0]);

        private static readonly TenantSchema WidgetSchema = new TenantSchema(
            "tenant_id",
            new[] { "embeddings", "messages", "conversations", "logs" }.Select(QualifiedName.Parse),
            new QualifiedName[0]);

        private static readonly TenantSchema LeadSchema = new TenantSchema(
            "tenant_id",
            new[] { "leads", "approvals" }.Select(QualifiedName.Parse),
            new QualifiedName[0]);

        private static void AssertClean(string sql, TenantSchema schema)
        {
            var result = TenantSqlChecker.Check(sql, schema);
            Assert.True(result.IsFullyParsed);
            Assert.Empty(result.Violations);
            Assert.Empty(result.SessionScopedSettings);
            Assert.Empty(result.TenantTablesReferenced);
        }

        [Fact]
        public void Seed000_catalog_query_is_clean()
        {
            AssertClean(SeedSnippets.S000CheckTeamIdColumns, TeamSchema);
        }

        [Fact]
        public void Seed000_add_column_makes_the_table_tenant_owned()
        {
            var result = MigrationSchemaReader.Read(SeedSnippets.S000AddTeamIdColumn, "team_id");
            Assert.Equal(new[] { "table_name" }, result.TenantTables.Select(t => t.ToString()));
            Assert.Empty(result.Problems);
            AssertClean(SeedSnippets.S000AddTeamIdColumn, TeamSchema);
        }

        [Fact]
        public void Seed000_backfill_updates_are_not_filtered_by_team()
        {
            var result = TenantSqlChecker.Check(SeedSnippets.S000Backfill, TeamSchema);
            Assert.True(result.IsFullyParsed);
            Assert.Equal(new[] { "clients", "events", "tasks" }, result.Violations.Select(v => v.Table.ToString()));
            Assert.All(result.Violations, v => Assert.Equal(ViolationKind.MissingTenantFilter, v.Kind));
            Assert.All(result.Violations, v => Assert.Equal("UPDATE", v.StatementKind));
            Assert.Equal("UPDATE clients SET team_id = 'your-team-uuid' WHERE team_id IS NULL", result.Violations[0].StatementText);
        }

        [Fact]
        public void Seed000_backfill_fix_appends_to_the_where()
        {
            var violation = TenantSqlChecker.Check(SeedSnippets.S000Backfill, TeamSchema).Violations[0];
            var fixedSql = TestSchemas.Apply(SeedSnippets.S000Backfill, violation.CreateTenantPredicateEdits("@teamId"));
            Assert.Contains("UPDATE clients SET team_id = 'your-team-uuid' WHERE team_id IS NULL AND clients.team_id = @teamId;", fixedSql);
        }

        [Fact]
        public void Seed000_policy_expression_is_a_tenant_value()
        {
            var sql = "SELECT * FROM clients WHERE team_id = " + SeedSnippets.S000PolicyExpression + "::uuid";
            Assert.Empty(TenantSqlChecker.Check(sql, TeamSchema).Violations);
            AssertClean("SELECT " + SeedSnippets.S000PolicyExpression, TeamSchema);
        }

        [Fact]
        public void Seed000_policy_listing_is_clean()
        {
            AssertClean(SeedSnippets.S000ListPolicies, TeamSchema);
        }

        [Fact]
        public void Seed001_role_setup_has_a_shell_line_but_no_findings()
        {
            var result = TenantSqlChecker.Check(SeedSnippets.S001CreateAppRole, CmsSchema);
            Assert.False(result.IsFullyParsed); // "psql -U postgres" is a shell command, not SQL
            Assert.Empty(result.Violations);
            var withoutShell = SeedSnippets.S001CreateAppRole.Replace("psql -U postgres", string.Empty);
            AssertClean(withoutShell, CmsSchema);
        }

        [Fact]
        public void Seed001_rls_verification_is_clean()
        {
            AssertClean(SeedSnippets.S001VerifyRls, CmsSchema);
        }

        [Fact]
        public void Seed001_session_set_is_session_scoped_and_counts_are_unfiltered()
        {
            var result = TenantSqlChecker.Check(SeedSnippets.S001SessionTenantContext, CmsSchema);
            Assert.True(result.IsFullyParsed);
            Assert.Equal(2, result.SessionScopedSettings.Count);
            Assert.All(result.SessionScopedSettings, s => Assert.Equal(SessionSettingKind.SessionScopedSet, s.Kind));
            Assert.All(result.SessionScopedSettings, s => Assert.Equal("app.current_tenant_id", s.SettingName));
            Assert.Equal("SELECT set_config('app.current_tenant_id', 'your-tenant-uuid', true)", result.SessionScopedSettings[0].SuggestedSql);
            Assert.Equal(new[] { "webpages_pagetheme", "webpages_pagetheme" }, result.Violations.Select(v => v.Table.ToString()));
            Assert.Equal(new[] { "webpages_pagetheme" }, result.TenantTablesReferenced.Select(t => t.ToString()));
        }

        [Fact]
        public void Seed001_policy_listing_is_clean()
        {
            AssertClean(SeedSnippets.S001ListPolicies, CmsSchema);
            AssertClean(SeedSnippets.S001ListAllPolicies, CmsSchema);
            AssertClean(SeedSnippets.S001CheckSuperuser, CmsSchema);
        }

        [Fact]
        public void Seed001_explained_query_is_filtered_by_current_setting()
        {
            var result = TenantSqlChecker.Check(SeedSnippets.S001QueryPerformance, CmsSchema);
            Assert.True(result.IsFullyParsed);
            Assert.Empty(result.Violations);
            Assert.Equal(new[] { "webpages_pagetheme" }, result.TenantTablesReferenced.Select(t => t.ToString()));
        }

        [Fact]
        public void Seed001_explained_query_without_the_filter_is_reported()
        {
            var unfiltered = SeedSnippets.S001QueryPerformance.Replace("WHERE tenant_id = current_setting('app.current_tenant_id')::uuid", string.Empty);
            var violation = Assert.Single(TenantSqlChecker.Check(unfiltered, CmsSchema).Violations);
            Assert.Equal("SELECT", violation.StatementKind);
        }

        [Fact]
        public void Seed001_rls_toggles_are_clean_and_track_tables()
        {
            AssertClean(SeedSnippets.S001DisableRls, CmsSchema);
            AssertClean(SeedSnippets.S001EnableRls, CmsSchema);
            var migration = MigrationSchemaReader.Read(SeedSnippets.S001EnableRls, "tenant_id");
            Assert.Equal(new[] { "webpages_pagetheme", "webpages_webpage" }, migration.AllTables.Select(t => t.ToString()));
            Assert.Empty(migration.TenantTables);
        }

        [Fact]
        public void Seed002_psql_meta_commands_are_not_sql()
        {
            // psql runs backslash lines itself: they are read as meta-commands, never as statements.
            var result = TenantSqlChecker.Check(SeedSnippets.S002RunMigrations, CmsSchema);
            Assert.Empty(result.Violations);
            Assert.Empty(result.TenantTablesReferenced);
            Assert.Empty(MigrationSchemaReader.Read(SeedSnippets.S002RunMigrations, "tenant_id").AllTables);
        }

        [Fact]
        public void Seed003_index_template_is_skipped_as_another_statement()
        {
            AssertClean(SeedSnippets.S003IndexTemplate, LeadSchema);
        }

        [Fact]
        public void Seed003_dollar_n_template_is_not_a_placeholder()
        {
            var templated = TenantSqlChecker.Check("SELECT * FROM leads " + SeedSnippets.S003WhereTemplate, LeadSchema);
            Assert.Equal("leads", Assert.Single(templated.Violations).Table.ToString());
            var real = TenantSqlChecker.Check("SELECT * FROM leads " + SeedSnippets.S003WhereTemplate.Replace("$N", "$3"), LeadSchema);
            Assert.Empty(real.Violations);
        }

        [Fact]
        public void Seed004_migration_makes_embeddings_a_tenant_table()
        {
            var result = MigrationSchemaReader.Read(SeedSnippets.S004Migration, "tenant_id");
            Assert.Equal(new[] { "embeddings" }, result.TenantTables.Select(t => t.ToString()));
            Assert.Equal(new[] { "embeddings" }, result.AllTables.Select(t => t.ToString()));
            Assert.Empty(result.Problems);
        }

        [Fact]
        public void Seed004_migration_is_fully_read_without_findings()
        {
            var result = TenantSqlChecker.Check(SeedSnippets.S004Migration, WidgetSchema);
            Assert.True(result.IsFullyParsed);
            Assert.Empty(result.Violations);
            Assert.Empty(result.SessionScopedSettings);
        }

        [Fact]
        public void Seed004_catalog_check_names_no_tenant_table()
        {
            AssertClean(SeedSnippets.S004CheckRlsFlag, WidgetSchema);
            AssertClean(SeedSnippets.S004CiGuard, WidgetSchema);
        }

        [Fact]
        public void Seed004_set_local_with_a_parameter_fails_at_run_time()
        {
            var setting = Assert.Single(TenantSqlChecker.Check(SeedSnippets.S004SetLocalTenant, WidgetSchema).SessionScopedSettings);
            Assert.Equal(SessionSettingKind.SetLocalWithPlaceholder, setting.Kind);
            Assert.Equal("app.current_tenant", setting.SettingName);
            Assert.Equal("SELECT set_config('app.current_tenant', $1::text, true)", setting.SuggestedSql);
        }

        [Fact]
        public void Seed004_vector_search_misses_the_tenant_filter()
        {
            var result = TenantSqlChecker.Check(SeedSnippets.S004FindNearest, WidgetSchema);
            var violation = Assert.Single(result.Violations);
            Assert.Equal("embeddings", violation.Table.ToString());
            Assert.Equal(ViolationKind.MissingTenantFilter, violation.Kind);
            Assert.Equal("SELECT id, doc_id, chunk_index, content FROM embeddings ORDER BY embedding <-> $1 LIMIT $2", violation.StatementText);
        }

        [Fact]
        public void Seed004_vector_search_fix_goes_before_order_by()
        {
            var violation = TenantSqlChecker.Check(SeedSnippets.S004FindNearest, WidgetSchema).Violations.Single();
            var fixedSql = TestSchemas.Apply(SeedSnippets.S004FindNearest, violation.CreateTenantPredicateEdits("$3"));
            Assert.Equal(SeedSnippets.S004FindNearest.Replace("FROM embeddings", "FROM embeddings WHERE embeddings.tenant_id = $3"), fixedSql);
            Assert.Empty(TenantSqlChecker.Check(fixedSql, WidgetSchema).Violations);
        }

        [Fact]
        public void Seed004_commented_out_index_is_no_sql_at_all()
        {
            AssertClean(SeedSnippets.S004CommentedIndex, WidgetSchema);
            Assert.Empty(MigrationSchemaReader.Read(SeedSnippets.S004CommentedIndex, "tenant_id").Problems);
        }

        [Fact]
        public void Seed004_isolation_test_with_a_literal_tenant_is_not_a_filter()
        {
            var result = TenantSqlChecker.Check(SeedSnippets.S004IsolationTest, WidgetSchema);
            Assert.True(result.IsFullyParsed);
            Assert.Empty(result.SessionScopedSettings); // SET LOCAL with a literal is transaction-scoped and valid
            Assert.Equal("embeddings", Assert.Single(result.Violations).Table.ToString());
        }

        [Fact]
        public void Seed004_troubleshooting_set_local_with_a_literal_is_fine()
        {
            var result = TenantSqlChecker.Check(SeedSnippets.S004TroubleshootSetLocal, WidgetSchema);
            Assert.True(result.IsFullyParsed);
            Assert.Empty(result.SessionScopedSettings);
        }
    }
}
