# Builds and runs sscard as a layered image: dependencies, the Boot loader, snapshot dependencies
# and the application in separate layers, so a new build of the code ships only its own layer.
# The image carries no keys: give SSCARD_JWT_SECRET and SSCARD_PIN_KEY at run time (or run the
# local profile for the demo, as docker-compose.yml does).
#   docker build -t sscard .
FROM eclipse-temurin:17.0.15_6-jdk AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
RUN ./mvnw -B -ntp -q dependency:go-offline
COPY src/ src/
RUN ./mvnw -B -ntp -q package -DskipTests \
 && java -Djarmode=tools -jar target/sscard-*.jar extract --layers --launcher --destination /extracted

FROM eclipse-temurin:17.0.15_6-jre
# curl for the HEALTHCHECK only; the service runs as an unprivileged user.
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 sscard
WORKDIR /app
COPY --from=build /extracted/dependencies/ ./
COPY --from=build /extracted/spring-boot-loader/ ./
COPY --from=build /extracted/snapshot-dependencies/ ./
COPY --from=build /extracted/application/ ./
USER 10001
EXPOSE 8080
# Liveness for plain Docker; on Kubernetes use /actuator/health/liveness and /actuator/health/readiness.
HEALTHCHECK --interval=15s --timeout=3s --start-period=40s --retries=3 \
  CMD curl -fsS http://localhost:8080/actuator/health/liveness || exit 1
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "org.springframework.boot.loader.launch.JarLauncher"]
