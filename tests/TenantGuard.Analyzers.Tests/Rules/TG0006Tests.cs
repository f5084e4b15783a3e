using TenantGuard.Analyzers.Tests.Infrastructure;
using Verify = TenantGuard.Analyzers.Tests.Infrastructure.AnalyzerTest<TenantGuard.Analyzers.Rules.TG0006QueryOnUnfilteredTenantEntity>;

namespace TenantGuard.Analyzers.Tests.Rules;

/// <summary>TG0006: LINQ over a tenant-owned entity that neither its DbContext nor the query filters by tenant.</summary>
public sealed class TG0006Tests
{
    private static string Source(string code, string model = EfTenancy.UnfilteredContext) => Code.Usings + code + model;

    // ---- catches ----

    [Fact]
    public Task Queries_anywhere_once_per_query() => Verify.VerifyAsync(Source("""
        public sealed class GetOrderHandler(ShopContext db)
        {
            public Task<Order?> Handle(Guid id) => {|TG0006:db.Orders|}.Where(o => o.Id == id).OrderBy(o => o.Id).FirstOrDefaultAsync();
            public Task<int> Count() => {|TG0006:db.Set<Order>()|}.CountAsync();
            public IEnumerable<Guid> Ids() => from o in {|TG0006:db.Orders|} where o.IsDeleted select o.Id;
            public void Each() { foreach (var o in {|TG0006:db.Orders|}) { } }
            public Task<int> Purge() => {|TG0006:db.Orders|}.Where(o => o.IsDeleted).ExecuteDeleteAsync();
        }
        """));

    [Fact]
    public Task Message_names_the_entity_the_context_and_the_tenant_property()
    {
        var test = new Verify(Source("""
            public sealed class Job(ShopContext db)
            {
                public Task<List<Order>> Run() => {|#0:db.Orders|}.ToListAsync();
            }
            """));
        test.ExpectedDiagnostics.Add(new Microsoft.CodeAnalysis.Testing.DiagnosticResult(Descriptors.TG0006)
            .WithLocation(0)
            .WithArguments("Order", "db.Orders", "ShopContext", "TenantId"));
        return test.RunAsync();
    }

    [Fact]
    public Task Entity_mapped_to_a_tenant_table_of_the_schema() => Verify.VerifyAsync(Code.Usings + """
        public sealed class Customer { public Guid Id { get; set; } public string Name { get; set; } = ""; }
        public sealed class CrmContext(DbContextOptions<CrmContext> options) : DbContext(options)
        {
            public DbSet<Customer> Customers => Set<Customer>();
        }
        public sealed class Search(CrmContext db)
        {
            public Task<List<Customer>> ByName(string name) => {|TG0006:db.Customers|}.Where(c => c.Name == name).ToListAsync();
        }
        """);

    [Fact]
    public Task Context_filters_another_entity_only() => Verify.VerifyAsync(Source("""
        public sealed class Handler(ShopContext db)
        {
            public Task<List<Invoice>> Invoices() => {|TG0006:db.Invoices|}.ToListAsync();
            public Task<List<Order>> Orders() => db.Orders.ToListAsync();
        }
        """, EfTenancy.Entities + """

        public sealed class Invoice { public Guid Id { get; set; } public Guid TenantId { get; set; } }
        public sealed class ShopContext(DbContextOptions<ShopContext> options, ITenantProvider tenant) : DbContext(options)
        {
            public DbSet<Order> Orders => Set<Order>();
            public DbSet<Invoice> Invoices => Set<Invoice>();
            protected override void OnModelCreating(ModelBuilder modelBuilder) =>
                modelBuilder.Entity<Order>().HasQueryFilter(o => o.TenantId == tenant.TenantId);
        }
        """));

    // ---- must not catch ----

    [Fact]
    public Task Context_that_filters_the_entity() => Verify.VerifyAsync(Source("""
        public sealed class Handler(ShopContext db)
        {
            public Task<List<Order>> All() => db.Orders.ToListAsync();
        }
        """, EfTenancy.FilteredContext));

    [Fact]
    public Task Query_with_a_tenant_predicate() => Verify.VerifyAsync(Source("""
        public sealed class Handler(ShopContext db, ITenantProvider tenant)
        {
            public Task<List<Order>> A(Guid tenantId) => db.Orders.Where(o => o.TenantId == tenantId).ToListAsync();
            public Task<Order?> B(Guid id) => db.Orders.FirstOrDefaultAsync(o => o.Id == id && o.TenantId == tenant.TenantId);
            public Task<int> C(Guid tenantId) => db.Set<Order>().CountAsync(o => tenantId == o.TenantId);
            public IEnumerable<Order> D(Guid tenantId) => from o in db.Orders where o.TenantId == tenantId select o;
            public Task<List<Order>> E(Guid tenantId, bool trash)
            {
                var query = db.Orders.AsNoTracking();
                if (trash) query = query.Where(o => o.IsDeleted);
                query = query.Where(o => o.TenantId == tenantId);
                return query.ToListAsync();
            }
        }
        """));

    [Fact]
    public Task Not_a_query_and_not_a_tenant_predicate_shape() => Verify.VerifyAsync(Source("""
        public sealed class Handler(ShopContext db)
        {
            public void Add(Order order) => db.Orders.Add(order);
            public ValueTask<Order?> Find(Guid id) => db.Orders.FindAsync(id);
            public DbSet<Order> Set() => db.Orders;
        }
        """));

    [Fact]
    public Task Cross_tenant_code_and_shared_entities() => Verify.VerifyAsync(Source("""
        [AttributeUsage(AttributeTargets.All)] public sealed class CrossTenantAttribute(string reason) : Attribute { }
        public sealed class Handler(ShopContext db)
        {
            [CrossTenant("billing run over every tenant")]
            public Task<List<Order>> All() => db.Orders.ToListAsync();
            public Task<List<Country>> Countries() => db.Countries.ToListAsync();
        }
        """));

    [Fact]
    public Task Entity_the_tenant_filter_loop_skips_on_purpose() => Verify.VerifyAsync(Code.Usings + """
        public interface IGlobalEntity { }
        public sealed class InboxMessage : IGlobalEntity { public Guid Id { get; set; } public string? TenantId { get; set; } }
        public sealed class AppContext(DbContextOptions options) : DbContext(options)
        {
            public DbSet<InboxMessage> Inbox => Set<InboxMessage>();
            protected override void OnModelCreating(ModelBuilder modelBuilder)
            {
                foreach (var entityType in modelBuilder.Model.GetEntityTypes())
                {
                    if (typeof(IGlobalEntity).IsAssignableFrom(entityType.ClrType)) continue;
                    Finbuckle.MultiTenant.EntityFrameworkCore.EntityTypeBuilderExtensions.IsMultiTenant(modelBuilder.Entity(entityType.ClrType));
                }
            }
        }
        public sealed class InboxStore(AppContext db)
        {
            public Task<bool> Seen(Guid id) => db.Inbox.AnyAsync(m => m.Id == id);
        }
        """ + EfTenancy.Finbuckle);

    [Fact]
    public Task Project_without_tenancy() => Verify.VerifyAsync(Code.Usings + """
        public sealed class Post { public int Id { get; set; } }
        public sealed class BlogContext(DbContextOptions<BlogContext> options) : DbContext(options)
        {
            public DbSet<Post> Posts => Set<Post>();
        }
        public sealed class Handler(BlogContext db)
        {
            public Task<List<Post>> All() => db.Posts.ToListAsync();
        }
        """, migrations: null);

    [Fact]
    public Task Generic_repository_over_an_unknown_entity() => Verify.VerifyAsync(Code.Usings + """
        public sealed class Repository<T>(DbContext db) where T : class
        {
            public Task<List<T>> All() => db.Set<T>().ToListAsync();
        }
        """);
}
