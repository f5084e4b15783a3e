namespace TenantGuard.Harness.Catalog;

/// <summary>The catalog queries, all parameterised by the application role name ($1). User schemas only; objects
/// that belong to extensions are left out (the extension's maintainers own them).</summary>
internal static class CatalogQueries
{
    private const string UserSchemas =
        "n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'";

    private const string ViewNotFromExtension =
        "NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype = 'e')";

    private const string FunctionNotFromExtension =
        "NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')";

    public const string Tables = $"""
        SELECT c.oid, n.nspname, c.relname, c.relkind = 'p', pg_get_userbyid(c.relowner),
               c.relrowsecurity, c.relforcerowsecurity,
               (SELECT i.inhparent FROM pg_inherits i WHERE i.inhrelid = c.oid AND c.relispartition LIMIT 1),
               has_schema_privilege($1, n.oid, 'USAGE'),
               has_table_privilege($1, c.oid, 'SELECT'), has_table_privilege($1, c.oid, 'INSERT'),
               has_table_privilege($1, c.oid, 'UPDATE'), has_table_privilege($1, c.oid, 'DELETE'),
               has_table_privilege($1, c.oid, 'TRUNCATE'),
               pg_has_role($1, c.relowner, 'USAGE')
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p') AND {UserSchemas}
        ORDER BY n.nspname, c.relname
        """;

    public const string Columns = $"""
        SELECT a.attrelid, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, a.attnum,
               a.attidentity <> '' OR a.attgenerated <> '', pg_get_expr(d.adbin, d.adrelid)
        FROM pg_attribute a
        JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p') AND {UserSchemas}
        ORDER BY a.attrelid, a.attnum
        """;

    public const string Policies = """
        SELECT p.polrelid, p.polname, p.polcmd::text, p.polpermissive,
               ARRAY(SELECT CASE WHEN r.oid = 0 THEN 'public' ELSE pg_get_userbyid(r.oid)::text END
                     FROM unnest(p.polroles) AS r(oid)),
               pg_get_expr(p.polqual, p.polrelid), pg_get_expr(p.polwithcheck, p.polrelid)
        FROM pg_policy p
        ORDER BY p.polrelid, p.polname
        """;

    public const string Indexes = $"""
        SELECT i.indrelid, n.nspname, ic.relname,
               ARRAY(SELECT a.attname::text
                     FROM unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
                     LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum AND k.attnum <> 0
                     WHERE k.ord <= i.indnkeyatts
                     ORDER BY k.ord),
               pg_get_indexdef(i.indexrelid), i.indisunique, i.indisprimary, i.indpred IS NOT NULL, con.conname
        FROM pg_index i
        JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_namespace n ON n.oid = ic.relnamespace
        -- A join, not a subquery per index: pg_constraint has no index on conindid, so a correlated lookup scans it
        -- once per index (quadratic in the schema's size).
        LEFT JOIN pg_constraint con ON con.conindid = i.indexrelid AND con.contype IN ('p', 'u', 'x')
        WHERE {UserSchemas}
        ORDER BY i.indrelid, ic.relname
        """;

    public const string ForeignKeys = $"""
        SELECT con.conname, con.conrelid, con.confrelid,
               ARRAY(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
                     JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum ORDER BY k.ord),
               ARRAY(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY AS k(attnum, ord)
                     JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum ORDER BY k.ord)
        FROM pg_constraint con JOIN pg_namespace n ON n.oid = con.connamespace
        WHERE con.contype = 'f' AND con.conparentid = 0 AND {UserSchemas}
        ORDER BY con.conrelid, con.conname
        """;

    public const string Views = $"""
        SELECT c.oid, n.nspname, c.relname, c.relkind = 'm', pg_get_userbyid(c.relowner),
               COALESCE((SELECT lower(o.option_value) IN ('true', 'on', 'yes', '1')
                         FROM pg_options_to_table(c.reloptions) o WHERE o.option_name = 'security_invoker'), false),
               ARRAY(SELECT DISTINCT d.refobjid FROM pg_rewrite r
                     JOIN pg_depend d ON d.classid = 'pg_rewrite'::regclass AND d.objid = r.oid
                     WHERE r.ev_class = c.oid AND d.refclassid = 'pg_class'::regclass AND d.refobjid <> c.oid),
               has_schema_privilege($1, n.oid, 'USAGE') AND has_table_privilege($1, c.oid, 'SELECT')
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('v', 'm') AND {UserSchemas} AND {ViewNotFromExtension}
        ORDER BY n.nspname, c.relname
        """;

    public const string Functions = $"""
        SELECT p.oid, n.nspname, p.proname, p.oid::regprocedure::text, pg_get_userbyid(p.proowner),
               p.prosecdef, p.proleakproof, COALESCE(p.proconfig, ARRAY[]::text[]), pg_get_functiondef(p.oid), l.lanname,
               has_schema_privilege($1, n.oid, 'USAGE') AND has_function_privilege($1, p.oid, 'EXECUTE'), p.provolatile::text
        FROM pg_proc p
        JOIN pg_namespace n ON n.oid = p.pronamespace JOIN pg_language l ON l.oid = p.prolang
        WHERE p.prokind IN ('f', 'p') AND {UserSchemas} AND {FunctionNotFromExtension}
        ORDER BY n.nspname, p.proname
        """;

    public const string Roles = """
        SELECT r.rolname, r.rolsuper, r.rolbypassrls, r.rolcanlogin FROM pg_roles r ORDER BY r.rolname
        """;

    /// <summary>
    /// The roles the app role may SET ROLE to, and those whose privileges it uses without one. Until PostgreSQL 15 every
    /// membership allows SET ROLE; from 16 a grant can withhold it (<c>WITH SET FALSE</c>), and only the SET privilege
    /// says whether the role can become the other.
    /// </summary>
    public const string AppMemberships = """
        SELECT r.rolname,
               pg_has_role($1, r.oid, CASE WHEN current_setting('server_version_num')::int >= 160000 THEN 'SET' ELSE 'MEMBER' END),
               pg_has_role($1, r.oid, 'USAGE')
        FROM pg_roles r
        WHERE r.rolname <> $1 AND r.rolname NOT LIKE 'pg\_%' AND pg_has_role($1, r.oid, 'MEMBER')
        ORDER BY r.rolname
        """;
}
