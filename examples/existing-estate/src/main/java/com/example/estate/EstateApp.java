package com.example.estate;

import org.apache.camel.main.Main;

/** camel-main with the Java DSL route and the YAML route (routes/*.camel.yaml on the class path). */
public final class EstateApp {
    private EstateApp() {
    }

    /** @return camel-main, not started */
    public static Main main() {
        Main main = new Main();
        main.configure().addRoutesBuilder(new DocsRoute());
        main.configure().withRoutesIncludePattern("classpath:routes/*.camel.yaml");
        return main;
    }

    public static void main(String[] args) throws Exception {
        main().run(args);
    }
}
