from django.urls import path

from . import views, views_risks

urlpatterns = [
    path("intern-kontroll/", views.internal_control, name="internal_control"),
    path("intern-kontroll/riskmatris/", views.control_settings, name="control_settings"),
    path("intern-kontroll/<int:year>/", views.control_plan, name="control_plan"),
    path("intern-kontroll/<int:year>/rapport.pdf", views.control_report_pdf, name="control_report_pdf"),
    path("intern-kontroll/<int:year>/kopiera/", views.control_copy, name="control_copy"),
    path("intern-kontroll/<int:year>/dagordning/", views.control_agenda, name="control_agenda"),
    path("intern-kontroll/<int:year>/risker/ny/", views_risks.control_risk_new, name="control_risk_new"),
    path("intern-kontroll/<int:year>/risker/<int:risk_id>/", views_risks.control_risk, name="control_risk"),
    path("intern-kontroll/<int:year>/risker/<int:risk_id>/uppfoljning/", views_risks.control_follow_up,
         name="control_follow_up"),
]
