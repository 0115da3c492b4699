# Builds and runs sscard. The image carries no keys: give SSCARD_JWT_SECRET and SSCARD_PIN_KEY
# at run time (or run the local profile for the demo, as docker-compose.yml does).
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
RUN ./mvnw -B -ntp -q dependency:go-offline
COPY src/ src/
RUN ./mvnw -B -ntp -q package -DskipTests && cp target/sscard-*.jar /sscard.jar

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 sscard
USER sscard
COPY --from=build /sscard.jar /app/sscard.jar
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/sscard.jar"]
