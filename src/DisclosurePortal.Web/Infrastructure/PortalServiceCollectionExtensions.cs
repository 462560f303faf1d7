using DisclosurePortal.Web.Features.Review.Queue;
using DisclosurePortal.Data;
using DisclosurePortal.Data.Demo;
using DisclosurePortal.Data.Entities;
using DisclosurePortal.Web.Features.Account;
using DisclosurePortal.Web.Features.Catalog;
using DisclosurePortal.Web.Features.Companies;
using DisclosurePortal.Web.Features.Invitations;
using DisclosurePortal.Web.Features.Extensions;
using DisclosurePortal.Web.Features.Messages;
using DisclosurePortal.Web.Features.Outbox;
using DisclosurePortal.Web.Features.Reminders;
using DisclosurePortal.Web.Features.Responses;
using DisclosurePortal.Web.Features.Responses.Questionnaire;
using DisclosurePortal.Web.Features.Responses.Submission;
using DisclosurePortal.Web.Features.Responses.Versions;
using DisclosurePortal.Web.Features.Review;
using DisclosurePortal.Web.Features.Requests;
using DisclosurePortal.Web.Features.Users;
using DisclosurePortal.Web.Jobs;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using MudBlazor.Services;

namespace DisclosurePortal.Web.Infrastructure;

public static class PortalServiceCollectionExtensions
{
    private static readonly string[] PathEchoingCategories =
    [
        "Microsoft.AspNetCore.Hosting.Diagnostics",
        "Microsoft.AspNetCore.Routing",
        "Microsoft.AspNetCore.StaticFiles",
        "Microsoft.AspNetCore.StaticAssets",
        "Microsoft.AspNetCore.HttpLogging",
        "Microsoft.AspNetCore.Components.Routing",
        "Microsoft.AspNetCore.Components.Endpoints",
    ];

    public static WebApplicationBuilder AddPortalLogging(this WebApplicationBuilder builder)
    {
        // These framework categories write request addresses into their lines, and invitation and reset links
        // carry one-time secrets in theirs. Registered after the configuration's rules, so no setting turns them on.
        foreach (var category in PathEchoingCategories)
        {
            builder.Logging.AddFilter(category, LogLevel.Warning);
        }

        if (!builder.Environment.IsDevelopment())
        {
            // One JSON object per event, so log shippers keep the structured fields.
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole(o => o.IncludeScopes = true);
        }

        return builder;
    }

    public static IServiceCollection AddPortalIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AccountOptions>()
            .Bind(configuration.GetSection(AccountOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        var accounts = configuration.GetSection(AccountOptions.Section).Get<AccountOptions>() ?? new AccountOptions();

        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingIdentityStateProvider>();
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/account/login";
            options.LogoutPath = "/account/logout";
            options.AccessDeniedPath = "/account/access-denied";
            options.Cookie.Name = "DisclosurePortal.Auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);

            // A signed-in user on a page of another role gets 403 at that address (the status page explains), not a redirect.
            options.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        services.AddIdentityCore<PortalUser>(options =>
            {
                options.SignIn.RequireConfirmedAccount = false;
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 10;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = accounts.MaxFailedSignIns;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(accounts.LockoutMinutes);
            })
            .AddPortalIdentityStores()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<PortalClaimsPrincipalFactory>();
        services.AddAuthorization();
        services.AddAccountRateLimiting();
        services.AddScoped<PortalSession>();
        services.AddScoped<AccountRedirects>();
        services.AddScoped<AccountEmailLinks>();
        services.AddScoped<SignedInAccount>();
        return services;
    }

    public static IServiceCollection AddPortalUi(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddHttpContextAccessor();
        services.AddHealthChecks().AddDbContextCheck<PortalDbContext>("database");
        return services;
    }

    public static IServiceCollection AddPortalFeatures(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddOptions<DemoOptions>().Bind(configuration.GetSection(DemoOptions.Section));
        services.AddOptions<EmailOptions>()
            .Bind(configuration.GetSection(EmailOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<EmailOptions>, EmailOptionsValidator>();
        services.AddSingleton(PickupFolder.From);
        services.AddSingleton<IMailDelivery>(sp =>
            sp.GetRequiredService<IOptions<EmailOptions>>().Value.Delivery == MailDeliveryMode.Smtp
                ? ActivatorUtilities.CreateInstance<SmtpMailDelivery>(sp)
                : ActivatorUtilities.CreateInstance<PickupFolderMailDelivery>(sp));
        services.AddSingleton<IEmailSender<PortalUser>, AccountEmailSender>();
        services.AddSingleton<MailOutbox>();
        services.AddScoped<DemoSeeder>();
        services.AddScoped<RequestOverviewService>();
        services.AddScoped<RequestEditorService>();
        services.AddScoped<CatalogSearchService>();
        services.AddScoped<CatalogEntryService>();
        services.AddScoped<CatalogImportService>();
        services.AddSingleton<CatalogImportJobs>();
        services.AddHostedService(sp => sp.GetRequiredService<CatalogImportJobs>());
        services.AddScoped<WorkListIntake>();
        services.AddScoped<RespondentWorkspace>();
        services.AddScoped<UploadProcessing>();
        services.AddPortalJobs(configuration);
        services.AddKeyedScoped<IJobHandler, WorkListValidationJob>(JobKind.WorkListValidation);
        services.AddKeyedScoped<IJobHandler, ReconciliationJob>(JobKind.Reconciliation);
        // The matching engine reconciliation runs; swap the engine here (see IWorkListMatcher).
        services.AddSingleton<CatalogMatchIndex>();
        services.AddScoped<IWorkListMatcher, CatalogIndexMatcher>();
        services.AddOptions<WorkListUploadOptions>().Bind(configuration.GetSection(WorkListUploadOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<AnswerOptions>().Bind(configuration.GetSection(AnswerOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<ResponseLookup>();
        services.AddScoped<QuestionnaireDrafts>();
        services.AddScoped<TrainingSummaryStore>();
        services.AddScoped<ResponseSubmission>();
        services.AddScoped<SubmissionReceipts>();
        services.AddScoped<ResponseVersionsService>();
        services.AddScoped<ExtensionService>();
        services.AddSingleton<ResponseChanges>();
        services.AddScoped<ReviewService>();
        services.AddScoped<ReviewQueueService>();
        services.AddScoped<RequestProgressService>();
        services.AddScoped<DisclosurePortal.Web.Features.Review.Works.CrossCompanyService>();
        services.AddScoped<ReviewDecisionService>();
        services.AddScoped<StaffUserService>();
        services.AddOptions<InvitationOptions>().Bind(configuration.GetSection(InvitationOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<InvitationService>();
        services.AddScoped<InvitationAcceptance>();
        services.AddScoped<BulkInvitationService>();
        services.AddScoped<ColleagueInvitations>();
        services.AddScoped<RequestCompanyList>();
        services.AddScoped<CompanyImportService>();
        services.AddScoped<CompanyEditorService>();
        services.AddScoped<MessageTemplateService>();
        services.AddScoped<Features.Audit.AuditTrail>();
        services.AddScoped<Features.Audit.SignInAudit>();
        services.AddScoped<Features.Audit.AuditEntryBrowser>();
        services.AddPortalMailQueue(configuration);
        services.AddPortalReminders(configuration);
        return services;
    }

    /// <summary>The durable e-mail queue: pages write messages to it, a hosted service sends them with retries.</summary>
    public static IServiceCollection AddPortalMailQueue(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MailQueueOptions>().Bind(configuration.GetSection(MailQueueOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<MailQueueSignal>();
        services.AddScoped<OutgoingMailSender>();
        services.AddScoped<SendLogService>();
        services.AddHostedService<OutgoingMailService>();
        return services;
    }

    /// <summary>Reminders before each company's due time and the overdue notice, queued by a periodic scan.</summary>
    public static IServiceCollection AddPortalReminders(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ReminderOptions>().Bind(configuration.GetSection(ReminderOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<ReminderScanner>();
        services.AddHostedService<ReminderService>();
        return services;
    }
}
