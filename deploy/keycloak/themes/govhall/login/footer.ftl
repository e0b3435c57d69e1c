<#-- Below the login card (keycloak.v2's template.ftl imports footer.ftl): who runs the page and its hotline. -->
<#macro content>
  <div id="govhall-footer" class="govhall-footer">
    <p class="govhall-footer-notice">${msg("govhallFooterNotice")}</p>
    <p>${msg("govhallFooterName")} · ${msg("govhallFooterHotline")}</p>
  </div>
</#macro>
