{
  "patcher": {
    "fileversion": 1,
    "appversion": {
      "major": 8,
      "minor": 5,
      "revision": 0,
      "architecture": "x64",
      "modernui": 1
    },
    "classnamespace": "box",
    "rect": [
      100.0,
      100.0,
      1200.0,
      800.0
    ],
    "openrect": [
      0.0,
      0.0,
      472.0,
      169.0
    ],
    "openinpresentation": 1,
    "default_fontsize": 10.0,
    "default_fontname": "Arial Bold",
    "gridsize": [
      8.0,
      8.0
    ],
    "devicewidth": 472.0,
    "description": "latentpad Groove: drum patterns from the latentpad server, played on Live's transport",
    "boxes": [
      {
        "box": {
          "id": "obj-1",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 4,
          "outlettype": [
            "",
            "",
            "",
            ""
          ],
          "patching_rect": [
            40.0,
            400.0,
            300.0,
            22.0
          ],
          "text": "js groove_logic.js",
          "saved_object_attributes": {
            "filename": "groove_logic.js",
            "parameter_enable": 0
          }
        }
      },
      {
        "box": {
          "id": "obj-2",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 0,
          "outlettype": [],
          "patching_rect": [
            40.0,
            450.0,
            140.0,
            22.0
          ],
          "text": "udpsend 127.0.0.1 9000"
        }
      },
      {
        "box": {
          "id": "obj-3",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            40.0,
            350.0,
            110.0,
            22.0
          ],
          "text": "udpreceive 9002"
        }
      },
      {
        "box": {
          "id": "obj-4",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 3,
          "outlettype": [
            "bang",
            "int",
            "int"
          ],
          "patching_rect": [
            400.0,
            250.0,
            90.0,
            22.0
          ],
          "text": "live.thisdevice"
        }
      },
      {
        "box": {
          "id": "obj-5",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 2,
          "outlettype": [
            "bang",
            "bang"
          ],
          "patching_rect": [
            400.0,
            280.0,
            50.0,
            22.0
          ],
          "text": "t b b"
        }
      },
      {
        "box": {
          "id": "obj-6",
          "maxclass": "message",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            400.0,
            310.0,
            50.0,
            22.0
          ],
          "text": "hello"
        }
      },
      {
        "box": {
          "id": "obj-7",
          "maxclass": "newobj",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            "bang"
          ],
          "patching_rect": [
            480.0,
            310.0,
            70.0,
            22.0
          ],
          "text": "metro 1000"
        }
      },
      {
        "box": {
          "id": "obj-8",
          "maxclass": "led",
          "numinlets": 1,
          "numoutlets": 1,
          "outlettype": [
            "int"
          ],
          "patching_rect": [
            40.0,
            500.0,
            16.0,
            16.0
          ],
          "presentation": 1,
          "presentation_rect": [
            8.0,
            8.0,
            16.0,
            16.0
          ]
        }
      },
      {
        "box": {
          "id": "obj-9",
          "maxclass": "live.comment",
          "numinlets": 1,
          "numoutlets": 0,
          "outlettype": [],
          "patching_rect": [
            80.0,
            500.0,
            300.0,
            16.0
          ],
          "text": "offline",
          "presentation": 1,
          "presentation_rect": [
            28.0,
            8.0,
            300.0,
            16.0
          ]
        }
      },
      {
        "box": {
          "id": "obj-10",
          "maxclass": "pictslider",
          "numinlets": 2,
          "numoutlets": 2,
          "outlettype": [
            "int",
            "int"
          ],
          "patching_rect": [
            200.0,
            40.0,
            120.0,
            120.0
          ],
          "presentation": 1,
          "presentation_rect": [
            8.0,
            30.0,
            120.0,
            120.0
          ]
        }
      },
      {
        "box": {
          "id": "obj-11",
          "maxclass": "newobj",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            "float"
          ],
          "patching_rect": [
            200.0,
            170.0,
            50.0,
            22.0
          ],
          "text": "/ 127."
        }
      },
      {
        "box": {
          "id": "obj-12",
          "maxclass": "live.dial",
          "numinlets": 1,
          "numoutlets": 2,
          "outlettype": [
            "",
            "float"
          ],
          "patching_rect": [
            200.0,
            200.0,
            44.0,
            48.0
          ],
          "presentation": 1,
          "presentation_rect": [
            134.0,
            30.0,
            44.0,
            48.0
          ],
          "parameter_enable": 1,
          "varname": "Groove X",
          "saved_attribute_attributes": {
            "valueof": {
              "parameter_longname": "Groove X",
              "parameter_shortname": "X",
              "parameter_type": 0,
              "parameter_mmin": 0.0,
              "parameter_mmax": 1.0,
              "parameter_unitstyle": 1,
              "parameter_initial_enable": 1,
              "parameter_initial": [
                0.5
              ],
              "parameter_info": "Where the pattern sits on the groove map, left to right; a new pattern starts at the next bar."
            }
          },
          "annotation": "Where the pattern sits on the groove map, left to right; a new pattern starts at the next bar.",
          "annotation_name": "Groove X"
        }
      },
      {
        "box": {
          "id": "obj-13",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            200.0,
            260.0,
            110.0,
            22.0
          ],
          "text": "prepend x"
        }
      },
      {
        "box": {
          "id": "obj-14",
          "maxclass": "newobj",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            "float"
          ],
          "patching_rect": [
            260.0,
            170.0,
            50.0,
            22.0
          ],
          "text": "/ 127."
        }
      },
      {
        "box": {
          "id": "obj-15",
          "maxclass": "live.dial",
          "numinlets": 1,
          "numoutlets": 2,
          "outlettype": [
            "",
            "float"
          ],
          "patching_rect": [
            260.0,
            200.0,
            44.0,
            48.0
          ],
          "presentation": 1,
          "presentation_rect": [
            134.0,
            84.0,
            44.0,
            48.0
          ],
          "parameter_enable": 1,
          "varname": "Groove Y",
          "saved_attribute_attributes": {
            "valueof": {
              "parameter_longname": "Groove Y",
              "parameter_shortname": "Y",
              "parameter_type": 0,
              "parameter_mmin": 0.0,
              "parameter_mmax": 1.0,
              "parameter_unitstyle": 1,
              "parameter_initial_enable": 1,
              "parameter_initial": [
                0.5
              ],
              "parameter_info": "Where the pattern sits on the groove map, bottom to top; a new pattern starts at the next bar."
            }
          },
          "annotation": "Where the pattern sits on the groove map, bottom to top; a new pattern starts at the next bar.",
          "annotation_name": "Groove Y"
        }
      },
      {
        "box": {
          "id": "obj-16",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            320.0,
            260.0,
            110.0,
            22.0
          ],
          "text": "prepend y"
        }
      },
      {
        "box": {
          "id": "obj-17",
          "maxclass": "live.dial",
          "numinlets": 1,
          "numoutlets": 2,
          "outlettype": [
            "",
            "float"
          ],
          "patching_rect": [
            600.0,
            40.0,
            30.0,
            48.0
          ],
          "presentation": 1,
          "presentation_rect": [
            186.0,
            30.0,
            30.0,
            48.0
          ],
          "parameter_enable": 1,
          "varname": "Density Kick",
          "saved_attribute_attributes": {
            "valueof": {
              "parameter_longname": "Density Kick",
              "parameter_shortname": "Kick",
              "parameter_type": 0,
              "parameter_mmin": 0.0,
              "parameter_mmax": 1.0,
              "parameter_unitstyle": 1,
              "parameter_initial_enable": 1,
              "parameter_initial": [
                0.5
              ],
              "parameter_info": "How many kick hits the pattern has (0.5 = as the model plays it)."
            }
          },
          "annotation": "How many kick hits the pattern has (0.5 = as the model plays it).",
          "annotation_name": "Density Kick"
        }
      },
      {
        "box": {
          "id": "obj-18",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            600.0,
            100.0,
            110.0,
            22.0
          ],
          "text": "prepend density 0"
        }
      },
      {
        "box": {
          "id": "obj-19",
          "maxclass": "live.dial",
          "numinlets": 1,
          "numoutlets": 2,
          "outlettype": [
            "",
            "float"
          ],
          "patching_rect": [
            660.0,
            40.0,
            30.0,
            48.0
          ],
          "presentation": 1,
          "presentation_rect": [
            217.0,
            30.0,
            30.0,
            48.0
          ],
          "parameter_enable": 1,
          "varname": "Density Snare",
          "saved_attribute_attributes": {
            "valueof": {
              "parameter_longname": "Density Snare",
              "parameter_shortname": "Snare",
              "parameter_type": 0,
              "parameter_mmin": 0.0,
              "parameter_mmax": 1.0,
              "parameter_unitstyle": 1,
              "parameter_initial_enable": 1,
              "parameter_initial": [
                0.5
              ],
              "parameter_info": "How many snare hits the pattern has (0.5 = as the model plays it)."
            }
          },
          "annotation": "How many snare hits the pattern has (0.5 = as the model plays it).",
          "annotation_name": "Density Snare"
        }
      },
      {
        "box": {
          "id": "obj-20",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            660.0,
            100.0,
            110.0,
            22.0
          ],
          "text": "prepend density 1"
        }
      },
      {
        "box": {
          "id": "obj-21",
          "maxclass": "live.dial",
          "numinlets": 1,
          "numoutlets": 2,
          "outlettype": [
            "",
            "float"
          ],
          "patching_rect": [
            720.0,
            40.0,
            30.0,
            48.0
          ],
          "presentation": 1,
          "presentation_rect": [
            248.0,
            30.0,
            30.0,
            48.0
          ],
          "parameter_enable": 1,
          "varname": "Density Closed Hat",
          "saved_attribute_attributes": {
            "valueof": {
              "parameter_longname": "Density Closed Hat",
              "parameter_shortname": "C Hat",
              "parameter_type": 0,
              "parameter_mmin": 0.0,
              "parameter_mmax": 1.0,
              "parameter_unitstyle": 1,
              "parameter_initial_enable": 1,
              "parameter_initial": [
                0.5
              ],
              "parameter_info": "How many closed hat hits the pattern has (0.5 = as the model plays it)."
            }
          },
          "annotation": "How many closed hat hits the pattern has (0.5 = as the model plays it).",
          "annotation_name": "Density Closed Hat"
        }
      },
      {
        "box": {
          "id": "obj-22",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            720.0,
            100.0,
            110.0,
            22.0
          ],
          "text": "prepend density 2"
        }
      },
      {
        "box": {
          "id": "obj-23",
          "maxclass": "live.dial",
          "numinlets": 1,
          "numoutlets": 2,
          "outlettype": [
            "",
            "float"
          ],
          "patching_rect": [
            780.0,
            40.0,
            30.0,
            48.0
          ],
          "presentation": 1,
          "presentation_rect": [
            279.0,
            30.0,
            30.0,
            48.0
          ],
          "parameter_enable": 1,
          "varname": "Density Open Hat",
          "saved_attribute_attributes": {
            "valueof": {
              "parameter_longname": "Density Open Hat",
              "parameter_shortname": "O Hat",
              "parameter_type": 0,
              "parameter_mmin": 0.0,
              "parameter_mmax": 1.0,
              "parameter_unitstyle": 1,
              "parameter_initial_enable": 1,
              "parameter_initial": [
                0.5
              ],
              "parameter_info": "How many open hat hits the pattern has (0.5 = as the model plays it)."
            }
          },
          "annotation": "How many open hat hits the pattern has (0.5 = as the model plays it).",
          "annotation_name": "Density Open Hat"
        }
      },
      {
        "box": {
          "id": "obj-24",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            780.0,
            100.0,
            110.0,
            22.0
          ],
          "text": "prepend density 3"
        }
      },
      {
        "box": {
          "id": "obj-25",
          "maxclass": "live.dial",
          "numinlets": 1,
          "numoutlets": 2,
          "outlettype": [
            "",
            "float"
          ],
          "patching_rect": [
            840.0,
            40.0,
            30.0,
            48.0
          ],
          "presentation": 1,
          "presentation_rect": [
            310.0,
            30.0,
            30.0,
            48.0
          ],
          "parameter_enable": 1,
          "varname": "Density Low Tom",
          "saved_attribute_attributes": {
            "valueof": {
              "parameter_longname": "Density Low Tom",
              "parameter_shortname": "L Tom",
              "parameter_type": 0,
              "parameter_mmin": 0.0,
              "parameter_mmax": 1.0,
              "parameter_unitstyle": 1,
              "parameter_initial_enable": 1,
              "parameter_initial": [
                0.5
              ],
              "parameter_info": "How many low tom hits the pattern has (0.5 = as the model plays it)."
            }
          },
          "annotation": "How many low tom hits the pattern has (0.5 = as the model plays it).",
          "annotation_name": "Density Low Tom"
        }
      },
      {
        "box": {
          "id": "obj-26",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            840.0,
            100.0,
            110.0,
            22.0
          ],
          "text": "prepend density 4"
        }
      },
      {
        "box": {
          "id": "obj-27",
          "maxclass": "live.dial",
          "numinlets": 1,
          "numoutlets": 2,
          "outlettype": [
            "",
            "float"
          ],
          "patching_rect": [
            900.0,
            40.0,
            30.0,
            48.0
          ],
          "presentation": 1,
          "presentation_rect": [
            341.0,
            30.0,
            30.0,
            48.0
          ],
          "parameter_enable": 1,
          "varname": "Density Mid Tom",
          "saved_attribute_attributes": {
            "valueof": {
              "parameter_longname": "Density Mid Tom",
              "parameter_shortname": "M Tom",
              "parameter_type": 0,
              "parameter_mmin": 0.0,
              "parameter_mmax": 1.0,
              "parameter_unitstyle": 1,
              "parameter_initial_enable": 1,
              "parameter_initial": [
                0.5
              ],
              "parameter_info": "How many mid tom hits the pattern has (0.5 = as the model plays it)."
            }
          },
          "annotation": "How many mid tom hits the pattern has (0.5 = as the model plays it).",
          "annotation_name": "Density Mid Tom"
        }
      },
      {
        "box": {
          "id": "obj-28",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            900.0,
            100.0,
            110.0,
            22.0
          ],
          "text": "prepend density 5"
        }
      },
      {
        "box": {
          "id": "obj-29",
          "maxclass": "live.dial",
          "numinlets": 1,
          "numoutlets": 2,
          "outlettype": [
            "",
            "float"
          ],
          "patching_rect": [
            960.0,
            40.0,
            30.0,
            48.0
          ],
          "presentation": 1,
          "presentation_rect": [
            372.0,
            30.0,
            30.0,
            48.0
          ],
          "parameter_enable": 1,
          "varname": "Density High Tom",
          "saved_attribute_attributes": {
            "valueof": {
              "parameter_longname": "Density High Tom",
              "parameter_shortname": "H Tom",
              "parameter_type": 0,
              "parameter_mmin": 0.0,
              "parameter_mmax": 1.0,
              "parameter_unitstyle": 1,
              "parameter_initial_enable": 1,
              "parameter_initial": [
                0.5
              ],
              "parameter_info": "How many high tom hits the pattern has (0.5 = as the model plays it)."
            }
          },
          "annotation": "How many high tom hits the pattern has (0.5 = as the model plays it).",
          "annotation_name": "Density High Tom"
        }
      },
      {
        "box": {
          "id": "obj-30",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            960.0,
            100.0,
            110.0,
            22.0
          ],
          "text": "prepend density 6"
        }
      },
      {
        "box": {
          "id": "obj-31",
          "maxclass": "live.dial",
          "numinlets": 1,
          "numoutlets": 2,
          "outlettype": [
            "",
            "float"
          ],
          "patching_rect": [
            1020.0,
            40.0,
            30.0,
            48.0
          ],
          "presentation": 1,
          "presentation_rect": [
            403.0,
            30.0,
            30.0,
            48.0
          ],
          "parameter_enable": 1,
          "varname": "Density Crash",
          "saved_attribute_attributes": {
            "valueof": {
              "parameter_longname": "Density Crash",
              "parameter_shortname": "Crash",
              "parameter_type": 0,
              "parameter_mmin": 0.0,
              "parameter_mmax": 1.0,
              "parameter_unitstyle": 1,
              "parameter_initial_enable": 1,
              "parameter_initial": [
                0.5
              ],
              "parameter_info": "How many crash hits the pattern has (0.5 = as the model plays it)."
            }
          },
          "annotation": "How many crash hits the pattern has (0.5 = as the model plays it).",
          "annotation_name": "Density Crash"
        }
      },
      {
        "box": {
          "id": "obj-32",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            1020.0,
            100.0,
            110.0,
            22.0
          ],
          "text": "prepend density 7"
        }
      },
      {
        "box": {
          "id": "obj-33",
          "maxclass": "live.dial",
          "numinlets": 1,
          "numoutlets": 2,
          "outlettype": [
            "",
            "float"
          ],
          "patching_rect": [
            1080.0,
            40.0,
            30.0,
            48.0
          ],
          "presentation": 1,
          "presentation_rect": [
            434.0,
            30.0,
            30.0,
            48.0
          ],
          "parameter_enable": 1,
          "varname": "Density Ride",
          "saved_attribute_attributes": {
            "valueof": {
              "parameter_longname": "Density Ride",
              "parameter_shortname": "Ride",
              "parameter_type": 0,
              "parameter_mmin": 0.0,
              "parameter_mmax": 1.0,
              "parameter_unitstyle": 1,
              "parameter_initial_enable": 1,
              "parameter_initial": [
                0.5
              ],
              "parameter_info": "How many ride hits the pattern has (0.5 = as the model plays it)."
            }
          },
          "annotation": "How many ride hits the pattern has (0.5 = as the model plays it).",
          "annotation_name": "Density Ride"
        }
      },
      {
        "box": {
          "id": "obj-34",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            1080.0,
            100.0,
            110.0,
            22.0
          ],
          "text": "prepend density 8"
        }
      },
      {
        "box": {
          "id": "obj-35",
          "maxclass": "live.dial",
          "numinlets": 1,
          "numoutlets": 2,
          "outlettype": [
            "",
            "float"
          ],
          "patching_rect": [
            600.0,
            150.0,
            44.0,
            48.0
          ],
          "presentation": 1,
          "presentation_rect": [
            186.0,
            90.0,
            44.0,
            48.0
          ],
          "parameter_enable": 1,
          "varname": "Temperature",
          "saved_attribute_attributes": {
            "valueof": {
              "parameter_longname": "Temperature",
              "parameter_shortname": "Temp",
              "parameter_type": 0,
              "parameter_mmin": 0.0,
              "parameter_mmax": 2.0,
              "parameter_unitstyle": 1,
              "parameter_initial_enable": 1,
              "parameter_initial": [
                0.0
              ],
              "parameter_info": "0 = the model's most likely pattern; higher = looser, more surprising."
            }
          },
          "annotation": "0 = the model's most likely pattern; higher = looser, more surprising.",
          "annotation_name": "Temperature"
        }
      },
      {
        "box": {
          "id": "obj-36",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            600.0,
            210.0,
            110.0,
            22.0
          ],
          "text": "prepend temperature"
        }
      },
      {
        "box": {
          "id": "obj-37",
          "maxclass": "live.dial",
          "numinlets": 1,
          "numoutlets": 2,
          "outlettype": [
            "",
            "float"
          ],
          "patching_rect": [
            660.0,
            150.0,
            44.0,
            48.0
          ],
          "presentation": 1,
          "presentation_rect": [
            390.0,
            90.0,
            44.0,
            48.0
          ],
          "parameter_enable": 1,
          "varname": "Swing",
          "saved_attribute_attributes": {
            "valueof": {
              "parameter_longname": "Swing",
              "parameter_shortname": "Swing",
              "parameter_type": 0,
              "parameter_mmin": 0.0,
              "parameter_mmax": 1.0,
              "parameter_unitstyle": 1,
              "parameter_initial_enable": 1,
              "parameter_initial": [
                0.0
              ],
              "parameter_info": "Delays the off-beat 16ths: 0 = as the model plays them, 0.67 = triplet shuffle."
            }
          },
          "annotation": "Delays the off-beat 16ths: 0 = as the model plays them, 0.67 = triplet shuffle.",
          "annotation_name": "Swing"
        }
      },
      {
        "box": {
          "id": "obj-38",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            660.0,
            210.0,
            110.0,
            22.0
          ],
          "text": "prepend swing"
        }
      },
      {
        "box": {
          "id": "obj-39",
          "maxclass": "live.text",
          "numinlets": 1,
          "numoutlets": 2,
          "outlettype": [
            "",
            ""
          ],
          "patching_rect": [
            820.0,
            150.0,
            90.0,
            18.0
          ],
          "text": "Fill next bar",
          "mode": 0,
          "presentation": 1,
          "presentation_rect": [
            240.0,
            124.0,
            90.0,
            18.0
          ],
          "parameter_enable": 1,
          "varname": "Fill",
          "saved_attribute_attributes": {
            "valueof": {
              "parameter_longname": "Fill",
              "parameter_shortname": "Fill",
              "parameter_type": 2,
              "parameter_mmin": 0,
              "parameter_mmax": 1,
              "parameter_enum": [
                "off",
                "on"
              ],
              "parameter_invisible": 2,
              "parameter_info": "Plays a fill in the next bar, once; then the pattern carries on."
            }
          },
          "annotation": "Plays a fill in the next bar, once; then the pattern carries on.",
          "annotation_name": "Fill"
        }
      },
      {
        "box": {
          "id": "obj-40",
          "maxclass": "newobj",
          "numinlets": 2,
          "numoutlets": 2,
          "outlettype": [
            "bang",
            ""
          ],
          "patching_rect": [
            820.0,
            190.0,
            40.0,
            22.0
          ],
          "text": "sel 1"
        }
      },
      {
        "box": {
          "id": "obj-41",
          "maxclass": "message",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            820.0,
            215.0,
            40.0,
            22.0
          ],
          "text": "fill"
        }
      },
      {
        "box": {
          "id": "obj-42",
          "maxclass": "live.text",
          "numinlets": 1,
          "numoutlets": 2,
          "outlettype": [
            "",
            ""
          ],
          "patching_rect": [
            700.0,
            150.0,
            90.0,
            18.0
          ],
          "text": "Pattern to clip",
          "mode": 0,
          "presentation": 1,
          "presentation_rect": [
            240.0,
            100.0,
            90.0,
            18.0
          ],
          "parameter_enable": 1,
          "varname": "Write Clip",
          "saved_attribute_attributes": {
            "valueof": {
              "parameter_longname": "Write Clip",
              "parameter_shortname": "To Clip",
              "parameter_type": 2,
              "parameter_mmin": 0,
              "parameter_mmax": 1,
              "parameter_enum": [
                "off",
                "on"
              ],
              "parameter_invisible": 2,
              "parameter_info": "Writes the current pattern as notes into the highlighted clip slot (creates a 2-bar clip)."
            }
          },
          "annotation": "Writes the current pattern as notes into the highlighted clip slot (creates a 2-bar clip).",
          "annotation_name": "Write Clip"
        }
      },
      {
        "box": {
          "id": "obj-43",
          "maxclass": "newobj",
          "numinlets": 2,
          "numoutlets": 2,
          "outlettype": [
            "bang",
            ""
          ],
          "patching_rect": [
            700.0,
            190.0,
            40.0,
            22.0
          ],
          "text": "sel 1"
        }
      },
      {
        "box": {
          "id": "obj-44",
          "maxclass": "message",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            700.0,
            215.0,
            60.0,
            22.0
          ],
          "text": "writeclip"
        }
      },
      {
        "box": {
          "id": "obj-45",
          "maxclass": "newobj",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            "bang"
          ],
          "patching_rect": [
            40.0,
            600.0,
            200.0,
            22.0
          ],
          "text": "metro 16n @quantize 16n @active 1"
        }
      },
      {
        "box": {
          "id": "obj-46",
          "maxclass": "newobj",
          "numinlets": 2,
          "numoutlets": 9,
          "outlettype": [
            "int",
            "int",
            "float",
            "float",
            "float",
            "",
            "int",
            "float",
            ""
          ],
          "patching_rect": [
            40.0,
            630.0,
            200.0,
            22.0
          ],
          "text": "transport"
        }
      },
      {
        "box": {
          "id": "obj-47",
          "maxclass": "newobj",
          "numinlets": 3,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            40.0,
            660.0,
            80.0,
            22.0
          ],
          "text": "pack 0 0 0."
        }
      },
      {
        "box": {
          "id": "obj-48",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            40.0,
            690.0,
            80.0,
            22.0
          ],
          "text": "prepend tick"
        }
      },
      {
        "box": {
          "id": "obj-49",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            160.0,
            690.0,
            80.0,
            22.0
          ],
          "text": "prepend tempo"
        }
      },
      {
        "box": {
          "id": "obj-50",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 3,
          "outlettype": [
            "int",
            "int",
            "float"
          ],
          "patching_rect": [
            40.0,
            730.0,
            80.0,
            22.0
          ],
          "text": "unpack 0 0 0."
        }
      },
      {
        "box": {
          "id": "obj-51",
          "maxclass": "newobj",
          "numinlets": 3,
          "numoutlets": 2,
          "outlettype": [
            "",
            ""
          ],
          "patching_rect": [
            40.0,
            760.0,
            80.0,
            22.0
          ],
          "text": "pipe 0 0 0"
        }
      },
      {
        "box": {
          "id": "obj-52",
          "maxclass": "newobj",
          "numinlets": 3,
          "numoutlets": 2,
          "outlettype": [
            "float",
            "float"
          ],
          "patching_rect": [
            40.0,
            790.0,
            100.0,
            22.0
          ],
          "text": "makenote 100 60"
        }
      },
      {
        "box": {
          "id": "obj-53",
          "maxclass": "newobj",
          "numinlets": 3,
          "numoutlets": 0,
          "outlettype": [],
          "patching_rect": [
            40.0,
            820.0,
            60.0,
            22.0
          ],
          "text": "noteout"
        }
      },
      {
        "box": {
          "id": "obj-54",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 1,
          "outlettype": [
            "int"
          ],
          "patching_rect": [
            300.0,
            760.0,
            50.0,
            22.0
          ],
          "text": "midiin"
        }
      },
      {
        "box": {
          "id": "obj-55",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 0,
          "outlettype": [],
          "patching_rect": [
            300.0,
            820.0,
            50.0,
            22.0
          ],
          "text": "midiout"
        }
      }
    ],
    "lines": [
      {
        "patchline": {
          "source": [
            "obj-3",
            0
          ],
          "destination": [
            "obj-1",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-1",
            0
          ],
          "destination": [
            "obj-2",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-4",
            0
          ],
          "destination": [
            "obj-5",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-5",
            1
          ],
          "destination": [
            "obj-7",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-5",
            0
          ],
          "destination": [
            "obj-6",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-6",
            0
          ],
          "destination": [
            "obj-1",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-7",
            0
          ],
          "destination": [
            "obj-1",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-1",
            2
          ],
          "destination": [
            "obj-8",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-1",
            3
          ],
          "destination": [
            "obj-9",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-10",
            0
          ],
          "destination": [
            "obj-11",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-11",
            0
          ],
          "destination": [
            "obj-12",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-12",
            0
          ],
          "destination": [
            "obj-13",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-13",
            0
          ],
          "destination": [
            "obj-1",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-10",
            1
          ],
          "destination": [
            "obj-14",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-14",
            0
          ],
          "destination": [
            "obj-15",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-15",
            0
          ],
          "destination": [
            "obj-16",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-16",
            0
          ],
          "destination": [
            "obj-1",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-17",
            0
          ],
          "destination": [
            "obj-18",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-18",
            0
          ],
          "destination": [
            "obj-1",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-19",
            0
          ],
          "destination": [
            "obj-20",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-20",
            0
          ],
          "destination": [
            "obj-1",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-21",
            0
          ],
          "destination": [
            "obj-22",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-22",
            0
          ],
          "destination": [
            "obj-1",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-23",
            0
          ],
          "destination": [
            "obj-24",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-24",
            0
          ],
          "destination": [
            "obj-1",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-25",
            0
          ],
          "destination": [
            "obj-26",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-26",
            0
          ],
          "destination": [
            "obj-1",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-27",
            0
          ],
          "destination": [
            "obj-28",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-28",
            0
          ],
          "destination": [
            "obj-1",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-29",
            0
          ],
          "destination": [
            "obj-30",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-30",
            0
          ],
          "destination": [
            "obj-1",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-31",
            0
          ],
          "destination": [
            "obj-32",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-32",
            0
          ],
          "destination": [
            "obj-1",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-33",
            0
          ],
          "destination": [
            "obj-34",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-34",
            0
          ],
          "destination": [
            "obj-1",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-35",
            0
          ],
          "destination": [
            "obj-36",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-36",
            0
          ],
          "destination": [
            "obj-1",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-37",
            0
          ],
          "destination": [
            "obj-38",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-38",
            0
          ],
          "destination": [
            "obj-1",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-39",
            0
          ],
          "destination": [
            "obj-40",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-40",
            0
          ],
          "destination": [
            "obj-41",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-41",
            0
          ],
          "destination": [
            "obj-1",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-42",
            0
          ],
          "destination": [
            "obj-43",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-43",
            0
          ],
          "destination": [
            "obj-44",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-44",
            0
          ],
          "destination": [
            "obj-1",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-45",
            0
          ],
          "destination": [
            "obj-46",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-46",
            0
          ],
          "destination": [
            "obj-47",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-46",
            1
          ],
          "destination": [
            "obj-47",
            1
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-46",
            2
          ],
          "destination": [
            "obj-47",
            2
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-47",
            0
          ],
          "destination": [
            "obj-48",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-48",
            0
          ],
          "destination": [
            "obj-1",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-46",
            4
          ],
          "destination": [
            "obj-49",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-49",
            0
          ],
          "destination": [
            "obj-1",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-1",
            1
          ],
          "destination": [
            "obj-50",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-50",
            2
          ],
          "destination": [
            "obj-51",
            2
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-50",
            1
          ],
          "destination": [
            "obj-51",
            1
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-50",
            0
          ],
          "destination": [
            "obj-51",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-51",
            0
          ],
          "destination": [
            "obj-52",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-51",
            1
          ],
          "destination": [
            "obj-52",
            1
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-52",
            0
          ],
          "destination": [
            "obj-53",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-52",
            1
          ],
          "destination": [
            "obj-53",
            1
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-54",
            0
          ],
          "destination": [
            "obj-55",
            0
          ]
        }
      }
    ],
    "parameters": {
      "obj-12": [
        "Groove X",
        "X",
        0
      ],
      "obj-15": [
        "Groove Y",
        "Y",
        0
      ],
      "obj-17": [
        "Density Kick",
        "Kick",
        0
      ],
      "obj-19": [
        "Density Snare",
        "Snare",
        0
      ],
      "obj-21": [
        "Density Closed Hat",
        "C Hat",
        0
      ],
      "obj-23": [
        "Density Open Hat",
        "O Hat",
        0
      ],
      "obj-25": [
        "Density Low Tom",
        "L Tom",
        0
      ],
      "obj-27": [
        "Density Mid Tom",
        "M Tom",
        0
      ],
      "obj-29": [
        "Density High Tom",
        "H Tom",
        0
      ],
      "obj-31": [
        "Density Crash",
        "Crash",
        0
      ],
      "obj-33": [
        "Density Ride",
        "Ride",
        0
      ],
      "obj-35": [
        "Temperature",
        "Temp",
        0
      ],
      "obj-37": [
        "Swing",
        "Swing",
        0
      ],
      "obj-39": [
        "Fill",
        "Fill",
        0
      ],
      "obj-42": [
        "Write Clip",
        "To Clip",
        0
      ],
      "inherited_shortname": 1
    },
    "dependency_cache": [
      {
        "name": "groove_logic.js",
        "patcherrelativepath": "./js",
        "type": "TEXT",
        "implicit": 1
      }
    ],
    "latency": 0,
    "is_mpe": 0,
    "minimum_live_version": "",
    "minimum_max_version": "",
    "platform_compatibility": 0,
    "project": {
      "version": 1,
      "creationdate": 3850070400,
      "modificationdate": 3850070400,
      "viewrect": [
        0.0,
        0.0,
        300.0,
        500.0
      ],
      "autoorganize": 1,
      "hideprojectwindow": 1,
      "showdependencies": 1,
      "autolocalize": 0,
      "contents": {
        "patchers": {}
      },
      "layout": {},
      "searchpath": {},
      "detailsvisible": 0,
      "amxdtype": 1835887981,
      "readonly": 0,
      "devpathtype": 0,
      "devpath": ".",
      "sortmode": 0,
      "viewmode": 0,
      "includepackages": 0
    },
    "autosave": 0
  }
}
